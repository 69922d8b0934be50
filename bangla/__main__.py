"""``python -m bangla``: see :mod:`bangla.cli`."""

import sys

from bangla.cli import main

sys.exit(main())
