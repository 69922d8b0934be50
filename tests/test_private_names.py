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


def _is_module(dotted: str, root: Path) -> bool:
    where = root / dotted.replace(".", "/")
    return where.with_suffix(".py").exists() or where.is_dir()


def _module_aliases(tree: ast.AST, root: Path) -> dict[str, str]:
    """Local names bound to one of the project's modules (``from udbhabon.x import y``,
    ``import udbhabon.x as y``)."""
    aliases = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and not node.level:
            for alias in node.names:
                dotted = f"{node.module}.{alias.name}"
                if dotted.startswith(("udbhabon", "bangla")) and _is_module(dotted, root):
                    aliases[alias.asname or alias.name] = dotted
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.asname and alias.name.startswith(("udbhabon", "bangla")):
                    aliases[alias.asname] = alias.name
    return aliases


def _private_attributes(tree: ast.AST, path: Path, root: Path, package: str) -> list[str]:
    """``module._name`` read through a name bound to another module."""
    aliases = _module_aliases(tree, root)
    out = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)):
            continue
        target = aliases.get(node.value.id)
        if target is None or not node.attr.startswith("_") or node.attr.startswith("__"):
            continue
        if _is_module(f"{target}.{node.attr}", root) and (package + ".").startswith(target + "."):
            continue  # the package's own private submodule
        out.append(f"{path.relative_to(root)}:{node.lineno}: {target}.{node.attr}")
    return out


def _offences(path: Path, root: Path = ROOT) -> list[str]:
    here = _module_name(path, root)
    package = here if path.name == "__init__.py" else here.rpartition(".")[0]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = _private_attributes(tree, path, root, package)
    for node in ast.walk(tree):
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
    reached = tmp_path / "udbhabon" / "third.py"
    reached.write_text(
        "from udbhabon.reader import lines\nlines._helper()\nlines.__name__\n", encoding="utf-8"
    )
    assert _offences(reader / "lines.py", tmp_path) == []
    assert _offences(planted, tmp_path) == ["udbhabon/other.py:1: udbhabon.reader.lines._helper"]
    assert _offences(reached, tmp_path) == ["udbhabon/third.py:2: udbhabon.reader.lines._helper"]
