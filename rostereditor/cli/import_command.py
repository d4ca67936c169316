"""`rostereditor import book.xlsx -o bundle.zip`: a workbook's sheets as an exact-text bundle zip."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from rostereditor.cli.limit_option import add_limit_option, limits_from
from rostereditor.core.report_text import escape_for_terminal

# Enough lines to see what kind of problems there are without flooding the terminal.
_SHOWN_PER_LEVEL = 20


def register(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Read an Excel workbook and write a OneRoster bundle zip. Sheets named like OneRoster "
        "files (users, classes, ...) become those files. Numbers, dates and true/false cells are "
        "turned back into text and listed; values Excel had already destroyed (digits past the "
        "15th, scientific notation, codes turned into dates) are listed with their cell address."
    )
    parser.add_argument("workbook", help="the .xlsx workbook to read")
    parser.add_argument("-o", "--output", required=True, help="the bundle zip to write")
    parser.add_argument("--sheet", help="import only this sheet (use with --as)")
    parser.add_argument("--as", dest="as_file", metavar="FILE",
                        help="the OneRoster file the sheet holds, e.g. users.csv")
    parser.add_argument("--oneroster", choices=["1.0", "1.1", "1.2"],
                        help="OneRoster version for the manifest (default: as detected)")
    add_limit_option(parser)


def run(args: argparse.Namespace) -> int:
    from rostereditor.cli.main import EXIT_OK, EXIT_UNREADABLE
    from rostereditor.core.atomic_save import SaveError
    from rostereditor.core.bundle_writer import write_bundle_zip
    from rostereditor.core.read_notice import BundleReadError, NoticeLevel
    from rostereditor.core.xlsx.workbook_layout import HELPER_SHEETS
    from rostereditor.core.xlsx.workbook_reader import list_sheets, read_workbook

    limits = limits_from(args)
    if limits is None:
        return EXIT_UNREADABLE
    try:
        sheet_map = None
        if args.sheet and not args.as_file:
            print("rostereditor: --sheet needs --as to say which file the sheet holds, "
                  "e.g. --sheet Sheet1 --as users.csv", file=sys.stderr)
            return EXIT_UNREADABLE
        if args.as_file:
            sheet = args.sheet
            if sheet is None:
                sheets = [s for s in list_sheets(args.workbook, limits) if s not in HELPER_SHEETS]
                if len(sheets) != 1:
                    print("rostereditor: the workbook has several sheets; say which one with "
                          "--sheet NAME", file=sys.stderr)
                    return EXIT_UNREADABLE
                sheet = sheets[0]
            sheet_map = {sheet: args.as_file}
        bundle = read_workbook(args.workbook, sheet_map, limits=limits)
    except BundleReadError as exc:
        print(escape_for_terminal(f"rostereditor: cannot import {args.workbook}: {exc}"),
              file=sys.stderr)
        return EXIT_UNREADABLE
    shown: Counter[str] = Counter()
    for notice in bundle.notices:  # errors, warnings, then the cells that had to be converted
        shown[notice.level] += 1
        if shown[notice.level] <= _SHOWN_PER_LEVEL:
            print(escape_for_terminal(f"{notice.level}: {notice}"), file=sys.stderr)
    for level, count in shown.items():
        if count > _SHOWN_PER_LEVEL:
            what = {NoticeLevel.INFO: "converted cells"}.get(level, f"{level}s")
            print(f"... and {count - _SHOWN_PER_LEVEL} more {what}; open the workbook in the "
                  "editor (File > Import from Excel) to see them all.", file=sys.stderr)
    output = Path(args.output)
    try:
        write_bundle_zip(bundle, output, args.oneroster)
    except SaveError as exc:
        print(f"rostereditor: {exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    inferred = sum(1 for n in bundle.notices if n.code.startswith("xlsx.inferred"))
    rows = sum(len(bundle.files[n].table) for n in bundle.data_file_names)
    print(f"Wrote {output} ({len(bundle.data_file_names)} files, {rows} records). "
          f"{inferred} cells were not stored as text and were converted; "
          f"{shown.get(NoticeLevel.ERROR, 0)} values cannot be recovered and need retyping.")
    return EXIT_OK
