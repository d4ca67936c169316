"""Shared by the report commands: read a bundle or explain why not, and write a report out."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rostereditor.core.bundle import Bundle

EXIT_OK, EXIT_FINDINGS, EXIT_UNREADABLE = 0, 1, 2  # as rostereditor.cli.main defines them
FORMATS = ("text", "json", "csv")


def read_or_explain(path: str) -> Bundle | None:
    """The bundle at `path`, or None after saying on stderr why it cannot be read."""
    from rostereditor.core.bundle_reader import read_bundle
    from rostereditor.core.read_notice import BundleReadError

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


def add_report_arguments(parser: argparse.ArgumentParser, what: str) -> None:
    """--format, -o and --limit, worded for `what` (e.g. "the summary")."""
    parser.add_argument("--format", default="text", choices=list(FORMATS),
                        help="text for people (default); json or csv list everything")
    parser.add_argument("-o", "--output", help=f"write {what} here instead of the screen")
    parser.add_argument("--limit", type=int, default=10, metavar="N",
                        help="text: list at most N records of each kind (0: all)")


def emit_report(args: argparse.Namespace, *, text: Callable[[int], str],
                data: Callable[[], dict[str, Any]],
                rows: tuple[Sequence[str], Callable[[], Iterable[Sequence[str]]]]) -> int:
    """Write the report in the format asked for; text gets the --limit."""
    if args.format == "json":
        return emit(json_text(data()), args.output)
    if args.format == "csv":
        header, produce = rows
        return emit(csv_text(header, produce()), args.output, bom=True)
    return emit(text(max(args.limit, 0)), args.output)
