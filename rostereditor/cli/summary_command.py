"""`rostereditor summary PATH`: what the vendor will see once it imports the bundle."""

from __future__ import annotations

import argparse


def register(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Count what a bundle holds, as the vendor will see it after importing: people per "
        "school, role and grade; classes per school and term; enrollments and students per "
        "class (min, median, max); users without enrollments; classes without students. "
        "Records marked tobedeleted are left out.")
    parser.add_argument("path", help="a bundle zip, a folder, or CSV files")
    parser.add_argument("--format", default="text", choices=["text", "json", "csv"])
    parser.add_argument("-o", "--output", help="write the summary here instead of the screen")
    parser.add_argument("--limit", type=int, default=10, metavar="N",
                        help="text: list at most N records of each kind (0: all)")


def run(args: argparse.Namespace) -> int:
    from rostereditor.cli.report_output import (
        EXIT_UNREADABLE,
        csv_text,
        emit,
        json_text,
        read_or_explain,
    )
    from rostereditor.core.summary import summarize_bundle
    from rostereditor.core.summary.summary_report import (
        CSV_HEADER,
        csv_rows,
        json_report,
        text_report,
    )

    bundle = read_or_explain(args.path)
    if bundle is None:
        return EXIT_UNREADABLE
    summary = summarize_bundle(bundle)
    if args.format == "json":
        return emit(json_text(json_report(summary)), args.output)
    if args.format == "csv":
        return emit(csv_text(CSV_HEADER, csv_rows(summary)), args.output, bom=True)
    return emit(text_report(summary, limit=max(args.limit, 0)), args.output)
