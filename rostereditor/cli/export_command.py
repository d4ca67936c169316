"""`rostereditor export PATH -o book.xlsx`: a bundle (or some of its files) as a Text-only workbook."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from rostereditor.cli.limit_option import add_limit_option, limits_from
from rostereditor.core.report_text import escape_for_terminal


def register(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Write a bundle as an Excel workbook that Excel cannot damage: one sheet per file, every "
        "cell stored as text (00123 stays 00123), headings bold and frozen, dropdowns for columns "
        "with a fixed list of values, and a first sheet explaining how to edit safely. Import it "
        "back with `rostereditor import`."
    )
    parser.add_argument("source", help="a bundle zip, a folder, or a CSV file")
    parser.add_argument("-o", "--output", required=True, help="the .xlsx workbook to write")
    parser.add_argument("--file", action="append", dest="files", metavar="NAME",
                        help="export only this file, e.g. users.csv (repeat for more)")
    parser.add_argument("--oneroster", choices=["1.0", "1.1", "1.2"],
                        help="OneRoster version for the dropdown lists (default: as detected)")
    add_limit_option(parser)


def run(args: argparse.Namespace) -> int:
    from rostereditor.cli.main import EXIT_OK, EXIT_UNREADABLE
    from rostereditor.core.atomic_save import SaveError
    from rostereditor.core.bundle_reader import read_bundle
    from rostereditor.core.oneroster_files import canonical_name
    from rostereditor.core.read_notice import BundleReadError
    from rostereditor.core.xlsx.workbook_writer import write_bundle_xlsx

    output = Path(args.output)
    if output.suffix.lower() != ".xlsx":
        print(f"rostereditor: {output.name} should end in .xlsx, so Excel opens it as a "
              "workbook.", file=sys.stderr)
        return EXIT_UNREADABLE
    limits = limits_from(args)
    if limits is None:
        return EXIT_UNREADABLE
    try:
        bundle = read_bundle(args.source, limits=limits)
    except BundleReadError as exc:
        print(escape_for_terminal(f"rostereditor: cannot read {args.source}: {exc}"), file=sys.stderr)
        return EXIT_UNREADABLE
    files = None
    if args.files:
        files = [canonical_name(n) or canonical_name(n + ".csv") or n for n in args.files]
    try:
        notices = write_bundle_xlsx(bundle, output, files=files, version=args.oneroster)
    except SaveError as exc:
        print(f"rostereditor: {exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    for notice in notices:
        print(escape_for_terminal(f"{notice.level}: {notice}"), file=sys.stderr)
    names = files or bundle.data_file_names
    rows = sum(len(bundle.files[n].table) for n in names if n in bundle.files)
    print(f"Wrote {output} ({len(names)} sheet{'s' if len(names) != 1 else ''}, {rows} records, "
          "every cell stored as text).")
    return EXIT_OK
