"""`rostereditor pack SOURCE -o OUT.zip`: write a canonical zip with a generated manifest."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from rostereditor.cli.limit_option import add_limit_option, limits_from
from rostereditor.core.report_text import escape_for_terminal

if TYPE_CHECKING:
    from rostereditor.core.bundle import Bundle


def register(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Read a bundle (zip, folder or CSV files) and write it as one canonical OneRoster zip: "
        "files at the root, UTF-8, CRLF, minimal quoting, and a freshly generated manifest.csv."
    )
    parser.add_argument("source", nargs="+", help="a zip, a folder, or one or more CSV files")
    parser.add_argument("-o", "--output", required=True, help="the zip to write")
    parser.add_argument("--oneroster", choices=["1.0", "1.1", "1.2"],
                        help="OneRoster version for the manifest (default: as detected)")
    parser.add_argument("--drop-empty-columns", action="store_true",
                        help="leave out columns at the end of a file that have no name and no "
                             "values (Excel adds them)")
    add_limit_option(parser)


def run(args: argparse.Namespace) -> int:
    from rostereditor.cli.main import EXIT_OK, EXIT_UNREADABLE
    from rostereditor.core.atomic_save import SaveError
    from rostereditor.core.bundle_reader import read_bundle
    from rostereditor.core.bundle_writer import write_bundle_zip
    from rostereditor.core.read_notice import BundleReadError, NoticeLevel

    limits = limits_from(args)
    if limits is None:
        return EXIT_UNREADABLE
    try:
        bundle = read_bundle(args.source if len(args.source) > 1 else args.source[0], limits=limits)
    except BundleReadError as exc:
        print(escape_for_terminal(f"rostereditor: cannot read {', '.join(args.source)}: {exc}"),
              file=sys.stderr)
        return EXIT_UNREADABLE
    for notice in bundle.notices:
        if notice.level != NoticeLevel.INFO:
            print(escape_for_terminal(f"{notice.level}: {notice}"), file=sys.stderr)
    if args.drop_empty_columns:
        _drop_trailing_empty_columns(bundle)
    output = Path(args.output)
    try:
        saved = write_bundle_zip(bundle, output, args.oneroster)
    except SaveError as exc:
        print(f"rostereditor: {exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    files = len(bundle.data_file_names)
    rows = sum(len(bundle.files[n].table) for n in bundle.data_file_names)
    version = args.oneroster or bundle.detected_version
    manifest = "manifest generated" if version != "1.0" else "OneRoster 1.0, so no manifest"
    print(f"Wrote {output} ({files} files, {rows} records, {manifest}).")
    if saved.backup_message():
        print(saved.backup_message())
    return EXIT_OK


def _drop_trailing_empty_columns(bundle: Bundle) -> None:
    from rostereditor.core.editing.header_fixes import trailing_empty_columns
    from rostereditor.core.wording import plural

    for name in bundle.data_file_names:
        table = bundle.files[name].table
        trailing = trailing_empty_columns(table)
        for col in reversed(trailing):
            table.delete_column(col)
        if trailing:
            print(f"{name}: left out {plural(len(trailing), 'empty column')} at the end.")
