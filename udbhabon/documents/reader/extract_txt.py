"""Plain text: one line per paragraph, tab-separated lines are table rows."""

from __future__ import annotations

from udbhabon.documents.reader import _bangla
from udbhabon.documents.reader.errors import ReadError
from udbhabon.documents.reader.model import RawLine, Source


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM) or UTF-16 with a BOM; anything else is refused.

    Text in a legacy Bijoy font is ASCII (or Windows-1252) under a Bengali-looking
    font: it is decoded as such and the pipeline converts it (reader.legacy).
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise ReadError("not_a_document") from exc
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8-sig", errors="replace")
    damaged = text.count("\ufffd")
    bengali_utf8 = data.count(b"\xe0\xa6") + data.count(b"\xe0\xa7")
    if damaged * 200 <= len(text) or (bengali_utf8 > 20 * damaged and damaged * 20 <= len(text)):
        # A few damaged bytes in an otherwise UTF-8 file: keep the rest readable.
        return text.replace("\ufffd", "")
    legacy = data.decode("cp1252", errors="replace")
    if _bangla.is_legacy_font_text(legacy):
        return legacy
    raise ReadError("not_a_document")


def extract(data: bytes) -> list[RawLine]:
    text = decode(data).replace("\r\n", "\n").replace("\r", "\n")
    lines: list[RawLine] = []
    for number, line in enumerate(text.split("\n"), start=1):
        source = Source(index=len(lines), line=number)
        if "\t" in line:
            lines.append(RawLine(line.split("\t"), True, source))
        else:
            lines.append(RawLine([line], False, source))
    return lines
