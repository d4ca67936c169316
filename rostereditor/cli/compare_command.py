"""`rostereditor compare OLD NEW`: what changed between two bundles, and stop on mass removals."""

from __future__ import annotations

import argparse
import sys

from rostereditor.cli.report_output import add_report_arguments


def _percent(text: str) -> float:
    try:
        value = float(text.strip().removesuffix("%"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a percentage") from None
    if not 0 <= value <= 100:
        raise argparse.ArgumentTypeError("give a percentage from 0 to 100")
    return value


def register(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Compare two bundles (zip, folder or CSV files) record by record, matched by sourcedId: "
        "records added, removed and changed (with the changed cells), and records that look "
        "like the same person, class or org under a new sourcedId. Exit 0: done; 1: a file "
        "loses more than --fail-if-removed percent of its records; 2: a bundle cannot be read.")
    parser.add_argument("old", help="the bundle sent last time (the reference)")
    parser.add_argument("new", help="the bundle about to be sent")
    add_report_arguments(parser, "the report")
    parser.add_argument("--fail-if-removed", type=_percent, metavar="PCT",
                        help="exit 1 when any file loses more than PCT%% of its records "
                             "(a bulk upload deletes them at the vendor)")


def run(args: argparse.Namespace) -> int:
    from rostereditor.cli.report_output import (
        EXIT_FINDINGS,
        EXIT_OK,
        EXIT_UNREADABLE,
        emit_report,
        read_or_explain,
    )
    from rostereditor.core.comparison import compare_bundles
    from rostereditor.core.comparison.comparison_report import (
        CSV_HEADER,
        ComparedBundles,
        csv_rows,
        json_report,
        text_report,
    )

    old = read_or_explain(args.old)
    new = read_or_explain(args.new) if old is not None else None
    if old is None or new is None:
        return EXIT_UNREADABLE
    compared = ComparedBundles(compare_bundles(old, new), old, new, args.old, args.new)
    threshold = args.fail_if_removed
    status = emit_report(
        args, text=lambda limit: text_report(compared, limit=limit, threshold=threshold),
        data=lambda: json_report(compared, threshold=threshold),
        rows=(CSV_HEADER, lambda: csv_rows(compared)))
    if status != EXIT_OK:
        return status
    over = compared.comparison.over_threshold(threshold) if threshold is not None else []
    if over:
        names = ", ".join(f"{f.file} {f.removed_percent:.1f}%" for f in over)
        print(f"rostereditor compare: removals over {threshold:g}% ({names}); stopping.",
              file=sys.stderr)
        return EXIT_FINDINGS
    return EXIT_OK
