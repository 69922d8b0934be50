"""docs/ARCHITECTURE.md stays true to the code: every file, folder, module and
management command it names in `code` marks exists.

A name is looked up where a newcomer would look: from the repository root,
under udbhabon/, in the app whose section ("## Plans (udbhabon/plans)") or
table row names it, and among the apps' templates and static files.
"""

from __future__ import annotations

import importlib
import re
from pathlib import Path

from django.core.management import get_commands

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "ARCHITECTURE.md"
APPS = sorted(p.name for p in (ROOT / "udbhabon").iterdir() if (p / "apps.py").exists())
FILE_RE = re.compile(r"^[\w./<>-]+\.(py|html|js|css|md|txt|json)$|^[\w./-]+/$")
MODULE_RE = re.compile(r"^(udbhabon|bangla|config)(\.\w+)+$")
# Names the doc uses as patterns or for files outside the repository, not as paths.
PATTERNS = {"templates/<app>/", "../shared/tools/cycles.py"}


def _sections() -> list[tuple[str, str]]:
    """(heading, body) of each section, so a bare name resolves in its app."""
    parts = re.split(r"^(#{2,3} .*)$", DOC.read_text(), flags=re.M)
    return [("", parts[0]), *zip(parts[1::2], parts[2::2], strict=True)]


def _apps_named(text: str) -> list[str]:
    return [a for a in APPS if re.search(rf"\b{a}\b", text)]


def _file_exists(name: str, apps: list[str]) -> bool:
    name = name.split(":")[0].strip()
    bases = [ROOT, ROOT / "udbhabon"] + [ROOT / "udbhabon" / a for a in apps]
    bases += [ROOT / "udbhabon" / a / "templates" for a in APPS]
    bases += [ROOT / "udbhabon" / a / "templates" / a for a in apps]
    bases += [ROOT / "udbhabon" / "templates", ROOT / "udbhabon" / "static"]
    return any((base / name).exists() for base in bases)


def _module_exists(dotted: str) -> bool:
    parts = dotted.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            obj = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        for attr in parts[cut:]:
            if not hasattr(obj, attr):
                return False
            obj = getattr(obj, attr)
        return True
    return False


def _missing() -> list[str]:
    commands = get_commands()
    missing = []
    for heading, body in _sections():
        section_apps = _apps_named(heading)
        for line in body.splitlines():
            line_apps = section_apps or _apps_named(line)
            for token in re.findall(r"`([^`\n]+)`", line):
                token = token.strip()
                if token in PATTERNS:
                    continue
                if token.startswith("manage.py "):
                    name = token.split()[1]
                    if name not in commands:
                        missing.append(f"{heading}: command {token}")
                elif MODULE_RE.match(token):
                    if not _module_exists(token):
                        missing.append(f"{heading}: module {token}")
                elif FILE_RE.match(token.split(":")[0].strip()) and not _file_exists(
                    token, line_apps or APPS
                ):
                    missing.append(f"{heading}: file {token}")
    return missing


def test_every_name_in_the_architecture_doc_exists():
    assert not _missing(), "\n".join(_missing())


def test_it_would_notice_a_module_that_does_not_exist():
    assert _module_exists("udbhabon.plans.services.plan_import")
    assert not _module_exists("udbhabon.plans.services.no_such_function")
    assert not _file_exists("plans/no_such_module.py", APPS)


def test_the_documents_the_code_cites_are_in_the_repository():
    """A comment's "(TECH-NOTES.md)" must lead somewhere in a clone, not to ../shared."""
    cited = set()
    for path in ROOT.glob("**/*"):
        # Only the project's own files: not the venv, nor what runs leave behind (var/:
        # test clusters, make prod-smoke's static copy; collected static files).
        skip = {".venv", "node_modules", ".git", "var", "staticfiles", "test-artifacts"}
        if skip & set(path.relative_to(ROOT).parts) or not path.is_file():
            continue
        if path.suffix not in {".py", ".html", ".css", ".js", ".sh"}:
            continue
        for name in re.findall(
            r"\b((?:[\w-]+/)*[A-Z][A-Z-]+\.md)\b", path.read_text("utf-8", "ignore")
        ):
            cited.add((name, path.relative_to(ROOT).as_posix()))
    homes = [ROOT, ROOT / "docs", ROOT / "docs" / "design", ROOT / "data" / "seeds" / "expected"]
    lost = sorted(
        f"{where}: {name}" for name, where in cited if not any((h / name).exists() for h in homes)
    )
    assert not lost, "\n".join(lost)
