"""Random and mutated documents: the reader's own error is the only exception ever raised."""

from __future__ import annotations

import io
import logging
import zipfile
from functools import cache

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from udbhabon.documents.reader import ReadError, read_document
from udbhabon.documents.tests.reader_fixtures import compare, convert, pdfmaker

EXTENSIONS = (".txt", ".docx", ".xlsx", ".pdf")
FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@cache
def _samples() -> dict[str, list[bytes]]:
    texts = [compare.seed_text(name) for name in ("003_3399e0873caf543a", "004_93ad764a4d482cea")]
    short = [text[:3000] for text in texts]
    return {
        ".txt": [text.encode() for text in texts],
        ".docx": [convert.txt_to_docx(text) for text in texts],
        ".xlsx": [convert.txt_to_xlsx(text) for text in texts],
        ".pdf": [pdfmaker.txt_to_pdf(text) for text in short],
    }


class _Failures(logging.Handler):
    """Collects the reader's "failed unexpectedly" log records (its safety net)."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def _read(data: bytes, name: str) -> None:
    """Only ReadError, and never through the safety net: each refusal has a reason."""
    failures = _Failures()
    logger = logging.getLogger("udbhabon.documents.reader")
    logger.addHandler(failures)
    try:
        result = read_document(data, name)
    except ReadError as error:
        assert error.code
        assert str(error.message)
        result = None
    finally:
        logger.removeHandler(failures)
    assert not failures.records, failures.records[0].exc_info
    if result is not None:
        assert set(result) == {"sections", "warnings"}


@pytest.mark.parametrize("extension", EXTENSIONS)
@FUZZ
@given(data=st.binary(max_size=4096))
def test_random_bytes_raise_only_read_errors(extension: str, data: bytes) -> None:
    _read(data, "random" + extension)


@pytest.mark.parametrize("extension", EXTENSIONS)
@FUZZ
@given(data=st.data())
def test_mutated_documents_raise_only_read_errors(extension: str, data: st.DataObject) -> None:
    original = data.draw(st.sampled_from(_samples()[extension]))
    mutation = data.draw(st.sampled_from(_MUTATIONS[extension]))
    _read(mutation(original, data), "mutated" + extension)


# --- mutations ----------------------------------------------------------------------


def _truncate(original: bytes, data: st.DataObject) -> bytes:
    return original[: data.draw(st.integers(0, len(original)))]


def _flip(original: bytes, data: st.DataObject) -> bytes:
    out = bytearray(original)
    for _ in range(data.draw(st.integers(1, 20))):
        position = data.draw(st.integers(0, len(out) - 1))
        out[position] = data.draw(st.integers(0, 255))
    return bytes(out)


def _splice(original: bytes, data: st.DataObject) -> bytes:
    position = data.draw(st.integers(0, len(original)))
    return original[:position] + data.draw(st.binary(max_size=200)) + original[position:]


def _tabs(original: bytes, data: st.DataObject) -> bytes:
    text = original.decode("utf-8")
    lines = text.split("\n")
    for _ in range(data.draw(st.integers(1, 15))):
        number = data.draw(st.integers(0, len(lines) - 1))
        line = lines[number]
        if data.draw(st.booleans()) and "\t" in line:
            at = line.index("\t")
            lines[number] = line[:at] + line[at + 1 :]
        else:
            at = data.draw(st.integers(0, len(line)))
            lines[number] = line[:at] + "\t" * data.draw(st.integers(1, 3)) + line[at:]
    if data.draw(st.booleans()):
        del lines[data.draw(st.integers(0, len(lines) - 1))]
    return "\n".join(lines).encode()


def _shuffle_lines(original: bytes, data: st.DataObject) -> bytes:
    lines = original.decode("utf-8").split("\n")
    return "\n".join(data.draw(st.permutations(lines))).encode()


def _zip_member(original: bytes, data: st.DataObject) -> bytes:
    """Corrupt, truncate, drop or replace one member of an Office archive."""
    source = zipfile.ZipFile(io.BytesIO(original))
    names = source.namelist()
    target = data.draw(st.sampled_from(names))
    action = data.draw(st.sampled_from(["truncate", "flip", "drop", "garbage", "empty"]))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in names:
            payload = source.read(name)
            if name == target:
                if action == "drop":
                    continue
                if action == "truncate":
                    payload = payload[: data.draw(st.integers(0, len(payload)))]
                elif action == "flip" and payload:
                    payload = _flip(payload, data)
                elif action == "garbage":
                    payload = data.draw(st.binary(max_size=500))
                else:
                    payload = b""
            archive.writestr(name, payload)
    return buffer.getvalue()


_MUTATIONS = {
    ".txt": [_truncate, _flip, _splice, _tabs, _shuffle_lines],
    ".docx": [_truncate, _flip, _splice, _zip_member, _zip_member],
    ".xlsx": [_truncate, _flip, _splice, _zip_member, _zip_member],
    ".pdf": [_truncate, _flip, _splice],
}
