"""A feedback file made ready for DuckDB's CSV reader: checked for being text, read as UTF-8 or else
Windows-1252 (Excel's default in Western Europe), and fingerprinted so it is imported only once.

DuckDB reads UTF-8 itself but not Windows-1252, so such a file is copied to UTF-8 first, in chunks.
"""

from __future__ import annotations

import codecs
import hashlib
import io
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from council.domain.errors import ValidationError
from council.i18n import N_, _
from council.i18n import formats as fmt

# Uploads through the browser are held in memory; larger files go through the command line.
MAX_UPLOAD_MB = 150
_CHUNK = 1 << 20
# How a file starts -> what it is then, marked with N_ ("… it looks like an old Excel workbook (.xls)").
_NOT_CSV = {
    b"PK\x03\x04": N_("an Excel workbook (or another zip file)"),
    b"\xd0\xcf\x11\xe0": N_("an old Excel workbook (.xls)"),
    b"%PDF": N_("a PDF document"),
    b"\x89PNG": N_("a PNG image"),
    b"\xff\xd8\xff": N_("a JPEG image"),
}
# Translators: Excel's menu words as its English version says them; use those of Excel in your language.
_SAVE_AS = N_("In Excel, choose File → Save As → “CSV UTF-8 (comma delimited)” and import that file.")


@dataclass(frozen=True)
class FeedbackFile:
    path: Path  # UTF-8 text for DuckDB's reader
    name: str  # the name the user knows the file by
    size: int
    sha256: str
    encoding: str  # how the file was read: UTF-8, Windows-1252 or UTF-16
    first_line: str


def check_upload_size(size: int) -> None:
    if size > MAX_UPLOAD_MB * 1024 * 1024:
        raise ValidationError(
            _(
                "The file is {size} MB; files up to {most} MB can be uploaded here. Split it by period (for "
                "instance one file per quarter), or import it with the command line: "
                "python -m council import-feedback FILE --source NAME"
            ).format(size=fmt.number(round(size / 1024 / 1024)), most=fmt.number(MAX_UPLOAD_MB)),
            "file",
        )


def prepare_upload(data: bytes, name: str, workdir: Path) -> FeedbackFile:
    """An uploaded file, written to `workdir` so DuckDB can read it."""
    check_upload_size(len(data))
    return _prepare(io.BytesIO(data), name, workdir, original=None)


def prepare_path(path: Path, workdir: Path) -> FeedbackFile:
    """A file on disk; a copy is made in `workdir` only when it is not UTF-8."""
    try:
        with path.open("rb") as stream:
            return _prepare(stream, path.name, workdir, original=path)
    except (FileNotFoundError, IsADirectoryError):
        raise ValidationError(_("{path} is not a file that exists.").format(path=path), "file") from None
    except PermissionError:
        raise ValidationError(
            _("{path} cannot be read: permission denied.").format(path=path), "file"
        ) from None


def new_workdir() -> Path:
    return Path(tempfile.mkdtemp(prefix="council-import-"))


def remove_workdir(workdir: Path) -> None:
    shutil.rmtree(workdir, ignore_errors=True)


def _prepare(stream: BinaryIO, name: str, workdir: Path, original: Path | None) -> FeedbackFile:
    head = stream.read(64 * 1024)
    if not head.strip():
        raise ValidationError(_("{file} is empty: there is nothing to import.").format(file=name), "file")
    for magic, what in _NOT_CSV.items():
        if head.startswith(magic):
            raise ValidationError(
                _("{file} is not a CSV file: it looks like {what}. {save_as}").format(
                    file=name, what=_(what), save_as=_(_SAVE_AS)
                ),
                "file",
            )
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding, codec = "UTF-16", "utf-16"
    elif b"\x00" in head:
        raise ValidationError(
            _("{file} is not a text file, so it cannot be read as CSV. {save_as}").format(
                file=name, save_as=_(_SAVE_AS)
            ),
            "file",
        )
    else:
        encoding, codec = ("UTF-8", "utf-8-sig") if _is_utf8(stream, head) else ("Windows-1252", "cp1252")
    stream.seek(0)
    digest = hashlib.sha256()
    target = workdir / "feedback.csv"
    if codec == "utf-8-sig" and original is not None:
        size = _hash(stream, digest)
        path = original
    else:
        size, path = _copy_as_utf8(stream, digest, codec, target, name)
    first_line = _first_line(path)
    return FeedbackFile(path, name, size, digest.hexdigest(), encoding, first_line)


def _is_utf8(stream: BinaryIO, head: bytes) -> bool:
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        decoder.decode(head)
        while chunk := stream.read(_CHUNK):
            decoder.decode(chunk)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def _hash(stream: BinaryIO, digest: hashlib._Hash) -> int:
    size = 0
    while chunk := stream.read(_CHUNK):
        digest.update(chunk)
        size += len(chunk)
    return size


def _copy_as_utf8(
    stream: BinaryIO, digest: hashlib._Hash, codec: str, target: Path, name: str
) -> tuple[int, Path]:
    decoder = codecs.getincrementaldecoder(codec)()
    size = 0
    try:
        with target.open("w", encoding="utf-8", newline="") as out:
            while chunk := stream.read(_CHUNK):
                digest.update(chunk)
                size += len(chunk)
                out.write(decoder.decode(chunk))
            out.write(decoder.decode(b"", final=True))
    except UnicodeDecodeError:
        target.unlink(missing_ok=True)
        raise ValidationError(
            _(
                "{file} is neither UTF-8 nor Windows-1252 text, so its letters cannot be read reliably. {save_as}"
            ).format(file=name, save_as=_(_SAVE_AS)),
            "file",
        ) from None
    return size, target


def _first_line(path: Path) -> str:
    with path.open(encoding="utf-8-sig", errors="replace", newline="") as text:
        return text.readline(64 * 1024).rstrip("\r\n")
