"""No private function is called from another module (issue 12, item 4).

A name that starts with "_" belongs to its module: another module that needs it
should get a public name (with the docs and tests that go with one). Imports of a
package's private submodule from inside that package (the reader's `_bangla`) are
the package's own business and allowed.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _module_name(path: Path, root: Path) -> str:
    parts = path.relative_to(root).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _offences(path: Path, root: Path = ROOT) -> list[str]:
    here = _module_name(path, root)
    package = here if path.name == "__init__.py" else here.rpartition(".")[0]
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.ImportFrom) or not node.module or node.level:
            continue
        if not node.module.startswith(("udbhabon", "bangla")):
            continue
        for alias in node.names:
            if not alias.name.startswith("_") or alias.name.startswith("__"):
                continue
            submodule = f"{node.module}.{alias.name}"
            where = root / submodule.replace(".", "/")
            is_module = where.with_suffix(".py").exists() or where.is_dir()
            if is_module and (package + ".").startswith(node.module + "."):
                continue
            out.append(f"{path.relative_to(root)}:{node.lineno}: {node.module}.{alias.name}")
    return out


def _sources() -> list[Path]:
    files = [*ROOT.glob("udbhabon/**/*.py"), *ROOT.glob("bangla/**/*.py")]
    return [p for p in files if "/tests/" not in str(p) and "/migrations/" not in str(p)]


def test_no_module_imports_another_modules_private_name():
    assert [o for p in _sources() for o in _offences(p)] == []


def test_the_check_sees_a_private_import_and_allows_a_packages_own(tmp_path):
    reader = tmp_path / "udbhabon" / "reader"
    reader.mkdir(parents=True)
    (reader / "_shared.py").write_text("", encoding="utf-8")
    (reader / "lines.py").write_text("from udbhabon.reader import _shared\n", encoding="utf-8")
    planted = tmp_path / "udbhabon" / "other.py"
    planted.write_text("from udbhabon.reader.lines import _helper\n", encoding="utf-8")
    assert _offences(reader / "lines.py", tmp_path) == []
    assert _offences(planted, tmp_path) == ["udbhabon/other.py:1: udbhabon.reader.lines._helper"]
