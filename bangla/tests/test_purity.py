"""The package needs nothing: importing it (and every module) pulls in no Django."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import bangla

ROOT = Path(bangla.__file__).parent


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(("bangla", *parts))


# Every module, the packages' submodules too (bangla.dates.grammar, …); not the tests.
MODULES = sorted(
    _module_name(p)
    for p in ROOT.rglob("*.py")
    if p != ROOT / "__init__.py"
    and p.stem != "__main__"
    and "tests" not in p.relative_to(ROOT).parts
)


def test_it_imports_no_django() -> None:
    code = (
        "import importlib, sys\n"
        f"for name in ['bangla', *{MODULES!r}]:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m == 'django' or m.startswith('django.'))\n"
        "print(','.join(bad))\n"
    )
    root = Path(bangla.__file__).resolve().parents[1]
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=root, check=True
    )
    assert result.stdout.strip() == ""
    assert "bangla.schedules" in MODULES
    assert "bangla.dates.grammar" in MODULES


def test_it_imports_only_the_standard_library() -> None:
    code = (
        "import sys\n"
        "before = set(sys.modules)\n"
        f"import importlib\nfor name in ['bangla', *{MODULES!r}]: importlib.import_module(name)\n"
        "new = {m.split('.')[0] for m in set(sys.modules) - before}\n"
        "print(','.join(sorted(n for n in new if n not in sys.stdlib_module_names)))\n"
    )
    root = Path(bangla.__file__).resolve().parents[1]
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=root, check=True
    )
    assert result.stdout.strip() == "bangla"
