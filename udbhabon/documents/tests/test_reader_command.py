"""`manage.py import_document PATH --dry-run --json`: exactly the contract JSON, nothing saved."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from udbhabon.documents.reader import read_path
from udbhabon.documents.tests.reader_fixtures import compare

ROOT = Path(__file__).resolve().parents[3]


def _run(*args: str) -> str:
    out = io.StringIO()
    call_command("import_document", *args, stdout=out)
    return out.getvalue()


@pytest.mark.parametrize("name", compare.SEED_NAMES)
def test_it_prints_exactly_the_contract_json(name: str) -> None:
    path = compare.SEEDS / f"{name}.txt"
    # No database fixture: any query from a dry run would fail this test.
    printed = _run(str(path), "--dry-run", "--json")
    expected = json.dumps(read_path(path), ensure_ascii=False, indent=1) + "\n"
    assert printed == expected
    assert not compare.compare(compare.expected(name), json.loads(printed))


def test_it_prints_a_summary_without_json() -> None:
    printed = _run(str(compare.SEEDS / "002_4831377ba12a5da2.txt"), "--dry-run")
    assert "action_plan" in printed and "progress_report" in printed
    assert "unplaced_text" in printed


def test_it_refuses_an_unreadable_file_with_one_line(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(CommandError) as caught:
        _run(str(empty), "--dry-run", "--json")
    message = str(caught.value)
    assert "\n" not in message and "খালি" in message and "empty" in message


def test_it_refuses_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(CommandError):
        _run(str(tmp_path / "missing.docx"), "--dry-run", "--json")


def test_saving_needs_an_office() -> None:
    with pytest.raises(CommandError) as caught:
        _run(str(compare.SEEDS / "003_3399e0873caf543a.txt"))
    assert "--office" in str(caught.value)


def test_the_process_exits_0_with_utf8_json_and_1_with_one_line_on_stderr(tmp_path: Path) -> None:
    seed = compare.SEEDS / "003_3399e0873caf543a.txt"
    env = {"PATH": "/usr/bin:/bin", "LANG": "C", "DJANGO_SETTINGS_MODULE": "config.settings"}
    done = subprocess.run(
        [sys.executable, "manage.py", "import_document", str(seed), "--dry-run", "--json"],
        cwd=ROOT,
        capture_output=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode()
    assert done.stdout.decode("utf-8") == (
        json.dumps(read_path(seed), ensure_ascii=False, indent=1) + "\n"
    )
    bad = tmp_path / "scan.pdf"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    failed = subprocess.run(
        [sys.executable, "manage.py", "import_document", str(bad), "--dry-run", "--json"],
        cwd=ROOT,
        capture_output=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert failed.returncode != 0
    assert failed.stdout == b""
    lines = failed.stderr.decode("utf-8", "replace").strip().splitlines()
    assert len(lines) == 1 and "scan.pdf" in lines[0]
