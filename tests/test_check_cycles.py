"""scripts/check-cycles (run by `make lint`): an import circle between modules fails."""

from __future__ import annotations

import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "check-cycles"


def _run(*folders: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(SCRIPT), *map(str, folders)], capture_output=True, text=True, check=False
    )


def _package(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root / next(iter(files)).split("/")[0]


def test_it_finds_no_circle_in_the_project():
    result = _run()
    assert result.returncode == 0, result.stdout


def test_it_fails_on_a_circle_made_inside_a_function(tmp_path):
    # the services enqueue a task whose body calls the services: the circle this
    # check was written for (documents, monitoring)
    app = _package(
        tmp_path,
        {
            "app/__init__.py": "",
            "app/services.py": "def enqueue():\n    from app.tasks import run\n    run()\n",
            "app/tasks.py": "from app import services\n\ndef run():\n    services.enqueue\n",
        },
    )
    result = _run(app)
    assert result.returncode == 1
    assert "app.services" in result.stdout and "app.tasks" in result.stdout


def test_it_fails_on_a_circle_of_relative_imports(tmp_path):
    app = _package(
        tmp_path,
        {
            "app/__init__.py": "",
            "app/reader/__init__.py": "",
            "app/reader/pdf.py": "from . import tables\n",
            "app/reader/tables.py": "from .pdf import Word\n",
        },
    )
    result = _run(app)
    assert result.returncode == 1
    assert "app.reader.pdf" in result.stdout and "app.reader.tables" in result.stdout


def test_it_lets_a_module_import_its_package_public_names(tmp_path):
    # the package's __init__ imports its modules; a module using the package's
    # public names is the intended path, not a circle
    app = _package(
        tmp_path,
        {
            "app/__init__.py": "",
            "app/services/__init__.py": "from app.services.plans import plan_new\n",
            "app/services/plans.py": "from app.services.other import helper\n",
            "app/services/other.py": "def helper():\n    from app.services import plan_new\n",
        },
    )
    assert _run(app).returncode == 0


def test_it_leaves_tests_out(tmp_path):
    app = _package(
        tmp_path,
        {
            "app/__init__.py": "",
            "app/views.py": "",
            "app/tests/__init__.py": "",
            "app/tests/test_a.py": "from app.tests import test_b\n",
            "app/tests/test_b.py": "from app.tests import test_a\n",
        },
    )
    assert _run(app).returncode == 0
