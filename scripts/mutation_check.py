"""Does the permission matrix catch the bugs it is there for? (scripts/mutation-check)

Each mutation is a deliberate security bug, made by a small text replacement in
a throwaway copy of the checkout (never the working tree). With one mutation
applied at a time, the matrix and access tests (ACCESS_TESTS) run against the
copy; the mutation is *caught* when a test fails, and *survives* when they all
pass. The exit status is non-zero when any mutation survives, or when one no
longer applies (the code it patches has changed: update the mutation).

The test files most likely to catch a mutation run first and pytest stops at
the first failure (-x), so a caught mutation costs little; a surviving one runs
every file. Run under scripts/with-postgres (scripts/mutation-check does), so
every run shares one PostgreSQL cluster and its template database.

    scripts/mutation-check                      # every mutation
    scripts/mutation-check --only locked-paper  # one (or several, comma-separated)
    scripts/mutation-check --list
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# The permission matrix and the access tests: what the mutations must trip.
ACCESS_TESTS = (
    "tests/test_permission_matrix.py",
    "tests/test_locked_papers.py",
    "tests/test_csrf.py",
    "udbhabon/meetings/tests/test_permissions.py",
)


@dataclass(frozen=True)
class Mutation:
    name: str
    bug: str  # what a reader of the table should understand
    path: str
    old: str
    new: str
    first: tuple[str, ...]  # test files to run first (the rest of ACCESS_TESTS follow)

    def tests(self) -> list[str]:
        return [*self.first, *(t for t in ACCESS_TESTS if t not in self.first)]


MUTATIONS = (
    Mutation(
        "subtree",
        "a subordinate office sees its superior's records",
        "udbhabon/offices/permissions.py",
        "    return post is not None and office.is_under(post.office)\n",
        "    return post is not None and (\n"
        "        office.is_under(post.office) or post.office.is_under(office)\n"
        "    )\n",
        ("tests/test_permission_matrix.py",),
    ),
    Mutation(
        "csrf-off",
        "the CSRF middleware removed",
        "config/settings.py",
        '    "django.middleware.csrf.CsrfViewMiddleware",\n',
        "",
        ("tests/test_csrf.py",),
    ),
    Mutation(
        "csrf-exempt",
        "one write view (a plan row's edit form) exempt from CSRF",
        "udbhabon/plans/views/items.py",
        "def item_edit(",
        "@__import__('django.views.decorators.csrf').views.decorators.csrf.csrf_exempt\n"
        "def item_edit(",
        ("tests/test_csrf.py",),
    ),
    Mutation(
        "locked-paper",
        "a plan's rows editable after it was sent up or accepted",
        "udbhabon/plans/access.py",
        "    return plan.status in EDITABLE and permissions.can_edit(post, plan.office)\n",
        "    return permissions.can_edit(post, plan.office)\n",
        ("tests/test_locked_papers.py",),
    ),
    Mutation(
        "download",
        "an uploaded file downloaded without the access check",
        "udbhabon/documents/views.py",
        "    job = job_for_view(request, pk)\n    return FileResponse(job.file.open",
        "    job = ImportJob.objects.get(pk=pk)\n    return FileResponse(job.file.open",
        ("tests/test_permission_matrix.py",),
    ),
)

# Not copied: version control, the virtualenv (linked instead), run-time files.
IGNORED = shutil.ignore_patterns(
    ".git",
    ".venv",
    "var",
    "media",
    "__pycache__",
    ".hypothesis",
    ".pytest_cache",
    ".ruff_cache",
    ".import_linter_cache",
    "test-artifacts",
    "results",
)


def make_copy(into: Path) -> Path:
    copy = into / "udbhabon"
    shutil.copytree(ROOT, copy, ignore=IGNORED, symlinks=True)
    venv = ROOT / ".venv"
    if venv.exists():
        (copy / ".venv").symlink_to(venv.resolve())
    return copy


def apply(copy: Path, mutation: Mutation) -> str:
    """Apply the mutation in the copy; return the original text to put back."""
    target = copy / mutation.path
    text = target.read_text("utf-8")
    found = text.count(mutation.old)
    if found != 1:
        raise SystemExit(
            f"mutation {mutation.name!r}: expected the text to replace once in "
            f"{mutation.path}, found it {found} times: the code changed, update the mutation"
        )
    target.write_text(text.replace(mutation.old, mutation.new), "utf-8")
    return text


FAILED = re.compile(r"^FAILED (.+?)(?: - .*)?$", re.MULTILINE)
SUMMARY_FAILED = re.compile(r"\b[1-9]\d* failed\b")


def run(copy: Path, mutation: Mutation, workers: str) -> tuple[str, float, str]:
    command = [
        sys.executable,
        "-m",
        "pytest",
        "-x",
        "-q",
        "-rf",
        "-n",
        workers,
        # small batches per worker: after the first failure a worker still runs
        # what it was given, so big batches would make -x slow
        "--maxschedchunk",
        "4",
        "-p",
        "no:cacheprovider",
        *mutation.tests(),
    ]
    started = time.monotonic()
    done = subprocess.run(command, cwd=copy, capture_output=True, text=True, check=False)
    took = time.monotonic() - started
    output = done.stdout + done.stderr
    # With -x, pytest-xdist ends a run with a failure as "interrupted" (exit 2).
    if done.returncode in {1, 2} and SUMMARY_FAILED.search(output):
        failed = FAILED.search(output)
        return "caught", took, failed.group(1) if failed else "(a test failed)"
    if done.returncode == 0:
        return "SURVIVED", took, "every test passed"
    tail = " | ".join(output.strip().splitlines()[-3:])
    return "ERROR", took, f"pytest exit {done.returncode}: {tail}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="comma-separated mutation names")
    parser.add_argument("--list", action="store_true", help="list the mutations and exit")
    parser.add_argument("-n", dest="workers", default=os.environ.get("WORKERS", "2"))
    args = parser.parse_args()
    if args.list:
        for m in MUTATIONS:
            print(f"{m.name:14} {m.bug} ({m.path})")
        return 0
    chosen = MUTATIONS
    if args.only:
        names = set(args.only.split(","))
        unknown = names - {m.name for m in MUTATIONS}
        if unknown:
            parser.error(f"unknown mutation(s): {', '.join(sorted(unknown))}")
        chosen = tuple(m for m in MUTATIONS if m.name in names)
    if not os.environ.get("DATABASE_URL"):
        parser.error("run it as scripts/mutation-check (under scripts/with-postgres)")

    rows = []
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="udbhabon-mutation-") as tmp:
        copy = make_copy(Path(tmp))
        for mutation in chosen:
            original = apply(copy, mutation)
            try:
                print(f"== {mutation.name}: {mutation.bug}", flush=True)
                result = run(copy, mutation, args.workers)
            finally:
                (copy / mutation.path).write_text(original, "utf-8")
            print(f"   {result[0]} in {result[1]:.0f} s: {result[2]}", flush=True)
            rows.append((mutation, *result))

    print(f"\n{'mutation':14} {'result':9} {'time':>6}  first failing test")
    for mutation, verdict, took, detail in rows:
        print(f"{mutation.name:14} {verdict:9} {took:5.0f}s  {detail}")
    print(f"total {time.monotonic() - started:.0f} s")
    bad = [m.name for m, verdict, _t, _d in rows if verdict != "caught"]
    if bad:
        print(f"not caught: {', '.join(bad)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
