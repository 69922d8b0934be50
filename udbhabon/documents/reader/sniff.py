"""Which format a file really is, and the size and archive checks made before opening it.

The extension says what the user claims; the first bytes say what the file is.
Nothing is parsed until both agree and the file is small enough, so a PDF named
.docx, a scanned image, or a zip bomb disguised as a Word file is refused with
its own message before any parser sees it.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import PurePath

from udbhabon.documents.reader.errors import ReadError

DEFAULT_MAX_BYTES = 15 * 1024 * 1024
_ZIP_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    OSError,
    ValueError,
    EOFError,
    NotImplementedError,
    RuntimeError,  # an encrypted member without a password
)
SUPPORTED = {
    ".txt": "txt",
    ".docx": "docx",
    ".xlsx": "xlsx",
    ".pdf": "pdf",
    # A phone's photo of a page (reader/photo.py), read as a scan.
    ".jpg": "image",
    ".jpeg": "image",
    ".png": "image",
    # Several photos of one paper's pages.
    ".zip": "zip",
}

# Office files expand a lot, but a real plan is a few MB at most once unpacked.
ZIP_MAX_ENTRIES = 2000
ZIP_MAX_TOTAL = 150 * 1024 * 1024
ZIP_MAX_ENTRY = 60 * 1024 * 1024
ZIP_MAX_RATIO = 150
ZIP_RATIO_FLOOR = 2 * 1024 * 1024  # small entries may compress well; never a bomb

_NAMES = {
    "pdf": ("পিডিএফ", "a PDF"),
    "docx": ("Word (.docx)", "a Word file (.docx)"),
    "xlsx": ("Excel (.xlsx)", "an Excel file (.xlsx)"),
    "zip": ("জিপ আর্কাইভ", "a zip archive"),
    "ole": ("পুরোনো Word/Excel (.doc/.xls)", "an old Word/Excel file (.doc/.xls)"),
    "image": ("ছবি", "an image"),
    "txt": ("লেখা (.txt)", "plain text"),
    "binary": ("অজানা বাইনারি", "unknown binary data"),
}


def claimed_format(filename: str) -> str:
    suffix = PurePath(filename or "").suffix.lower()
    if suffix not in SUPPORTED:
        raise ReadError("unsupported_type", extension=suffix or "—")
    return SUPPORTED[suffix]


def check_size(data: bytes, max_bytes: int | None) -> None:
    limit = DEFAULT_MAX_BYTES if max_bytes is None else max_bytes
    if len(data) > limit:
        raise ReadError("too_large", size=_human(len(data)), limit=_human(limit))
    if not data.strip():
        raise ReadError("empty")


def actual_format(data: bytes) -> str:
    """The format the bytes are, whatever the name says."""
    head = data[:2048]
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return _zip_kind(data)
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ole"
    if head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"II*\x00", b"MM\x00*", b"BM")):
        return "image"
    if _looks_like_text(head):
        return "txt"
    return "binary"


def check_format(data: bytes, claimed: str) -> None:
    actual = actual_format(data)
    if actual == claimed:
        return
    if actual == "ole" and claimed in {"docx", "xlsx"} and _is_encrypted_ooxml(data):
        raise ReadError("encrypted")
    if claimed == "txt" and actual == "binary":
        raise ReadError("not_a_document")
    if claimed in {"docx", "xlsx"} and actual == "zip":
        raise ReadError("not_a_document")
    if actual in {"binary"}:
        raise ReadError("not_a_document")
    raise ReadError("type_mismatch", extension="." + claimed, actual=_NAMES.get(actual, actual))


def open_zip(data: bytes) -> zipfile.ZipFile:
    """Open an Office archive after checking it cannot expand into a bomb."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except _ZIP_ERRORS as exc:
        raise ReadError("not_a_document") from exc
    if len(infos) > ZIP_MAX_ENTRIES:
        raise ReadError("zip_bomb")
    total = 0
    for info in infos:
        total += info.file_size
        if info.file_size > ZIP_MAX_ENTRY or total > ZIP_MAX_TOTAL:
            raise ReadError("zip_bomb")
        if info.file_size > ZIP_RATIO_FLOOR:
            ratio = info.file_size / max(info.compress_size, 1)
            if ratio > ZIP_MAX_RATIO:
                raise ReadError("zip_bomb")
        if info.flag_bits & 0x1:
            raise ReadError("encrypted")
    return archive


def read_member(archive: zipfile.ZipFile, name: str) -> bytes:
    """One archive member, never more than its checked declared size."""
    try:
        info = archive.getinfo(name)
        with archive.open(info) as handle:
            payload = handle.read(info.file_size + 1)
    except KeyError as exc:
        raise ReadError("not_a_document") from exc
    except _ZIP_ERRORS as exc:
        raise ReadError("not_a_document") from exc
    if len(payload) > info.file_size:
        raise ReadError("zip_bomb")
    if b"<!DOCTYPE" in payload[:4096] or b"<!ENTITY" in payload[:65536]:
        # Office XML never declares a DTD; one here is an entity-expansion attack.
        raise ReadError("not_a_document")
    return payload


def _zip_kind(data: bytes) -> str:
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except _ZIP_ERRORS:
        return "zip"
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    return "zip"


def _is_encrypted_ooxml(data: bytes) -> bool:
    return "EncryptedPackage".encode("utf-16-le") in data[:1_000_000]


def _looks_like_text(head: bytes) -> bool:
    if head.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return True
    if b"\x00" in head:
        return False
    controls = sum(1 for byte in head if byte < 9 or 13 < byte < 32)
    return controls <= len(head) // 100


def _human(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    if size >= 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size} B"
