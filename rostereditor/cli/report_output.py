"""Shared by the report commands: read a bundle or explain why not, and write a report out."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from rostereditor.core.bundle import Bundle
from rostereditor.core.bundle_reader import read_bundle
from rostereditor.core.read_notice import BundleReadError

EXIT_OK, EXIT_FINDINGS, EXIT_UNREADABLE = 0, 1, 2  # as rostereditor.cli.main defines them
FORMATS = ("text", "json", "csv")


def read_or_explain(path: str) -> Bundle | None:
    """The bundle at `path`, or None after saying on stderr why it cannot be read."""
    try:
        return read_bundle(path)
    except BundleReadError as exc:
        print(f"rostereditor: cannot read {path}: {exc}", file=sys.stderr)
        return None


def json_text(report: dict[str, Any]) -> str:
    return json.dumps(report, ensure_ascii=False, indent=1) + "\n"


def csv_text(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    from rostereditor.core.csv_format import format_record

    return "".join([format_record(header), *(format_record(r) for r in rows)])


def emit(text: str, output: str | None, *, bom: bool = False) -> int:
    """Print `text`, or write it to `output` (UTF-8; with a BOM for CSV Excel will open)."""
    if not output:
        sys.stdout.write(text)
        return EXIT_OK
    try:
        Path(output).write_text(("\ufeff" if bom else "") + text, encoding="utf-8", newline="")
    except OSError as exc:
        print(f"rostereditor: cannot write {output}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    return EXIT_OK
