"""Plain text: one line per paragraph, tab-separated lines are table rows."""

from __future__ import annotations

from udbhabon.documents.reader import _bangla
from udbhabon.documents.reader.errors import ReadError
from udbhabon.documents.reader.model import RawLine, Source


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM) or UTF-16 with a BOM; anything else is refused.

    Text in a legacy Bijoy font is ASCII under a Bengali-looking font, so it
    decodes; the pipeline recognises it afterwards and says so.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise ReadError("not_a_document") from exc
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
        if _bangla.is_legacy_font_text(text):
            raise ReadError("legacy_font") from None
        raise ReadError("not_a_document") from None


def extract(data: bytes) -> list[RawLine]:
    text = decode(data).replace("\r\n", "\n").replace("\r", "\n")
    lines = []
    for number, line in enumerate(text.split("\n"), start=1):
        source = Source(index=len(lines), line=number)
        if "\t" in line:
            lines.append(RawLine(line.split("\t"), True, source))
        else:
            lines.append(RawLine([line], False, source))
    return lines
