"""Check a workbook's zip and XML before any XML parser sees it: no bombs, no DTDs, bounded sizes.

A workbook is a zip of XML parts, so it gets the bundle zip's checks (members that overlap,
too many entries, sizes past the limits) and one more: no part may declare a DTD. The Open
Packaging Conventions forbid DTDs in a package (ECMA-376 Part 2, [M1.18]) because entity
declarations are how "billion laughs" bombs and external-entity reads work; Excel never writes
one. Refusing them here protects the import whichever XML parser openpyxl picks (the standard
library's expat, lxml or defusedxml), without relying on any parser's own defences.
"""

from __future__ import annotations

import codecs
import zipfile
from pathlib import Path

from rostereditor.core.read_limits import ReadLimits, describe_size, limit_flag
from rostereditor.core.read_notice import BundleReadError
from rostereditor.core.safe_archive import refuse_overlapping_members

# A part's prolog (declaration, comments) ends long before this; a longer one is not Excel's.
_PROLOG_BYTES = 64 * 1024


def check_workbook_archive(path: Path, limits: ReadLimits) -> None:
    """Raise BundleReadError, before anything is parsed, if the workbook is hostile or too big."""
    try:
        archive = zipfile.ZipFile(path)
    except OSError as exc:
        raise BundleReadError(f"Cannot read {path}: {exc.strerror or exc}") from exc
    except Exception as exc:  # anything zipfile raises on a damaged directory: not a workbook
        raise BundleReadError(not_a_workbook(path)) from exc
    with archive:
        infos = archive.infolist()
        if len(infos) > limits.zip_entries:
            raise BundleReadError(_too_much(
                path, f"holds {len(infos):,} parts, more than the {limits.zip_entries:,} "
                "RosterEditor reads from one workbook", "zip_entries"))
        refuse_overlapping_members(path, archive, infos)
        _check_sizes(path, infos, limits)
        for info in infos:
            if not info.is_dir():
                _refuse_dtd(path, archive, info)


def not_a_workbook(path: Path) -> str:
    if path.suffix.lower() == ".xls":
        return (
            f"{path.name} is an old-style Excel file (.xls). Open it in Excel, choose "
            "File > Save As > Excel Workbook (.xlsx), and import that file."
        )
    return (
        f"{path.name} is not an Excel workbook (.xlsx) or it is damaged. If it opens in Excel, "
        "save it there as Excel Workbook (.xlsx) and import it again."
    )


def _too_much(path: Path, what: str, limit: str) -> str:
    return (f"{path.name} {what}, so that a small crafted file cannot tie up the computer. "
            "Nothing was imported. If you trust this workbook, raise the limit: "
            f"--limit {limit_flag(limit)}=N on the command line, or save the sheets as CSV "
            "files in Excel and open those.")


def _check_sizes(path: Path, infos: list[zipfile.ZipInfo], limits: ReadLimits) -> None:
    total = highly_compressed = 0
    for info in infos:
        if info.file_size > limits.file_size:
            raise BundleReadError(_too_much(
                path, f"has a part ({info.filename}) of {describe_size(info.file_size)}, more "
                f"than the {describe_size(limits.file_size)} RosterEditor reads", "file_size"))
        if info.file_size > limits.compression_ratio * max(info.compress_size, 1):
            highly_compressed += info.file_size
            if highly_compressed > limits.highly_compressed:
                raise BundleReadError(_too_much(
                    path, f"has parts that expand more than {limits.compression_ratio}-fold (as "
                    "crafted 'zip bombs' do) to over "
                    f"{describe_size(limits.highly_compressed)}", "highly_compressed"))
        total += info.file_size
        if total > limits.total_size:
            raise BundleReadError(_too_much(
                path, f"expands to more than {describe_size(limits.total_size)}", "total_size"))


def _refuse_dtd(path: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    try:
        with archive.open(info) as stream:
            head = stream.read(_PROLOG_BYTES)
    except Exception as exc:  # damaged, encrypted or an unknown method: not a workbook we read
        raise BundleReadError(not_a_workbook(path)) from exc
    problem = dtd_problem(head)
    if problem is not None:
        raise BundleReadError(
            f"{path.name} is not a normal Excel workbook: its part {info.filename} {problem}. "
            "Excel never writes this; it is how 'XML bomb' and external-entity attacks work, so "
            "nothing was imported. If the workbook came from a trusted program, open it in "
            "Excel, save it again as Excel Workbook (.xlsx), and import that."
        )


def dtd_problem(head: bytes) -> str | None:
    """Why the start of an XML part is refused (a DTD, an odd encoding), or None if it is fine.

    Parts that are not XML at all (pictures) pass; the parser that reads them decides.
    """
    text = _prolog_text(head)
    if text is None:
        return None
    at = 0
    while True:
        at = len(text) - len(text[at:].lstrip(" \t\r\n"))  # skip white space
        if text.startswith("<?", at):
            closing = "?>"
        elif text.startswith("<!--", at):
            closing = "-->"
        elif text.startswith("<!", at):
            return "declares a document type (DTD)"
        else:
            return None  # the root element, or something that is not XML
        end = text.find(closing, at)
        if end < 0:
            return None if len(head) < _PROLOG_BYTES else "has an unusually long prolog"
        at = end + len(closing)


def _prolog_text(head: bytes) -> str | None:
    """The start of an XML part as text (UTF-8 or UTF-16, as OPC allows), or None if not XML."""
    if head.startswith(codecs.BOM_UTF8):
        head = head[3:]
    elif head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return head[: len(head) // 2 * 2].decode("utf-16", errors="replace")
    elif head.startswith(b"<\x00"):
        return head[: len(head) // 2 * 2].decode("utf-16-le", errors="replace")
    elif head.startswith(b"\x00<"):
        return head[: len(head) // 2 * 2].decode("utf-16-be", errors="replace")
    stripped = head.lstrip(b" \t\r\n")
    if not stripped.startswith(b"<"):
        return None
    return head.decode("utf-8", errors="replace")
