#!/usr/bin/env python3
"""Fill empty Bengali translations in .po catalogues from a TSV file.

    scripts/po_fill.py translations.tsv udbhabon/*/locale/bn/LC_MESSAGES/django.po
    scripts/po_fill.py --clear-fuzzy $(find . -name django.po)

Each TSV line is `English msgid<TAB>Bengali msgstr` (plural entries: the
singular msgid, then the Bengali for one and for many separated by " || ").
Only empty msgstr are filled; existing translations are never overwritten.
`--missing` lists the msgids still without a translation. Used by `make
messages-todo`; the .po files stay the source of truth.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ENTRY = re.compile(
    r'(?P<head>(?:#.*\n)*)msgid (?P<id>"(?:[^"\\]|\\.)*"(?:\n"(?:[^"\\]|\\.)*")*)\n'
    r'(?:msgid_plural (?P<plural>"(?:[^"\\]|\\.)*"(?:\n"(?:[^"\\]|\\.)*")*)\n)?'
    r'(?P<strs>(?:msgstr(?:\[\d\])? "(?:[^"\\]|\\.)*"(?:\n"(?:[^"\\]|\\.)*")*\n?)+)'
)


def _unquote(block: str) -> str:
    parts = re.findall(r'"((?:[^"\\]|\\.)*)"', block)
    return "".join(parts).encode("raw_unicode_escape").decode("unicode_escape")


def _quote(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


def load_tsv(path: Path) -> dict[str, str]:
    table: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        key, _, value = line.partition("\t")
        table[key] = value
    return table


def fill(po: Path, table: dict[str, str], *, report_missing: bool) -> int:
    text = po.read_text(encoding="utf-8")
    missing = 0

    def replace(m: re.Match[str]) -> str:
        nonlocal missing
        msgid = _unquote(m["id"])
        if not msgid:
            return m.group(0)
        strs = m["strs"]
        values = [
            _unquote(b) for b in re.findall(r'msgstr(?:\[\d\])? ((?:"(?:[^"\\]|\\.)*"\n?)+)', strs)
        ]
        fuzzy = "#, fuzzy" in m["head"]
        if all(values) and not fuzzy:
            return m.group(0)
        # A fuzzy guess from makemessages is not a translation: replace it.
        head = "".join(
            line + "\n"
            for line in m["head"].splitlines()
            if line != "#, fuzzy" and not line.startswith("#|")
        )
        if msgid not in table:
            missing += 1
            if report_missing:
                print(f"{po}: {msgid}")
            return m.group(0)
        out = head + f"msgid {m['id']}\n"
        if m["plural"]:
            one, _, many = table[msgid].partition(" || ")
            out += f"msgid_plural {m['plural']}\n"
            out += f"msgstr[0] {_quote(one)}\nmsgstr[1] {_quote(many or one)}\n"
        else:
            out += f"msgstr {_quote(table[msgid])}\n"
        return out

    new = ENTRY.sub(replace, text)
    if new != text:
        po.write_text(new, encoding="utf-8")
    return missing


def clear_fuzzy(po: Path) -> int:
    """Turn makemessages' fuzzy guesses into empty translations (so the tests see
    them as untranslated) instead of letting a wrong guess go live; the header
    entry only loses its flag."""
    text = po.read_text(encoding="utf-8")
    cleared = 0

    def replace(m: re.Match[str]) -> str:
        nonlocal cleared
        if "#, fuzzy" not in m["head"]:
            return m.group(0)
        head = "".join(
            line + "\n"
            for line in m["head"].splitlines()
            if line != "#, fuzzy" and not line.startswith("#|")
        )
        if not _unquote(m["id"]):  # the header
            return head + m.group(0)[len(m["head"]) :]
        cleared += 1
        out = head + f"msgid {m['id']}\n"
        if m["plural"]:
            return out + f'msgid_plural {m["plural"]}\nmsgstr[0] ""\nmsgstr[1] ""\n'
        return out + 'msgstr ""\n'

    new = ENTRY.sub(replace, text)
    if new != text:
        po.write_text(new, encoding="utf-8")
    return cleared


def main(argv: list[str]) -> int:
    if argv and argv[0] == "--clear-fuzzy":
        cleared = sum(clear_fuzzy(Path(p)) for p in argv[1:])
        print(f"{cleared} fuzzy guess(es) cleared")
        return 0
    report = "--missing" in argv
    args = [a for a in argv if a != "--missing"]
    table = load_tsv(Path(args[0]))
    total = sum(fill(Path(p), table, report_missing=report) for p in args[1:])
    print(f"{total} msgid(s) still without a translation")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
