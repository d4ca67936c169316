"""`rostereditor summary PATH`: what the vendor will see once it imports the bundle."""

from __future__ import annotations

import argparse

from rostereditor.cli.report_output import add_report_arguments


def register(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Count what a bundle holds, as the vendor will see it after importing: people per "
        "school, role and grade; classes per school and term; enrollments and students per "
        "class (min, median, max); users without enrollments; classes without students. "
        "Records marked tobedeleted are left out.")
    parser.add_argument("path", help="a bundle zip, a folder, or CSV files")
    add_report_arguments(parser, "the summary")


def run(args: argparse.Namespace) -> int:
    from rostereditor.cli.report_output import EXIT_UNREADABLE, emit_report, read_or_explain
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
    return emit_report(args, text=lambda limit: text_report(summary, limit=limit),
                       data=lambda: json_report(summary), rows=(CSV_HEADER, lambda: csv_rows(summary)))
