"""`rostereditor validate PATH`: check a bundle against OneRoster and a vendor's rules."""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

from rostereditor.cli import vendor_report_option
from rostereditor.cli.limit_option import add_limit_option, limits_from
from rostereditor.core.bundle_reader import read_bundle
from rostereditor.core.read_notice import BundleReadError
from rostereditor.core.report_privacy import without_report_values
from rostereditor.core.report_text import (
    escape_for_json,
    escape_for_terminal,
    escape_lines_for_terminal,
)
from rostereditor.core.validation import BundleValidator, ValidationResult, list_profiles

EXIT_OK, EXIT_FINDINGS, EXIT_UNREADABLE = 0, 1, 2  # as rostereditor.cli.main defines them


def register(parser: argparse.ArgumentParser) -> None:
    names = [p.name for p in list_profiles()]
    parser.description = ("Check a bundle (zip, folder or CSV files) against OneRoster and a "
                          "vendor's rules. Exit 0: no errors; 1: errors; 2: cannot be read.")
    parser.add_argument("path", nargs="?", help="a bundle zip, a folder, or a CSV file")
    parser.add_argument("--vendor", default="1edtech", choices=names, metavar="NAME",
                        help="vendor profile (default 1edtech strict); see --list-vendors")
    parser.add_argument("--oneroster", choices=["1.0", "1.1", "1.2"],
                        help="OneRoster version (default: from the manifest; none means 1.0)")
    parser.add_argument("--format", default="text", choices=["text", "json", "xlsx", "csv"],
                        help="xlsx and csv write a findings report for a vendor or colleague (need -o)")
    parser.add_argument("-o", "--output", help="write the report here instead of the screen")
    parser.add_argument("--no-values", action="store_true",
                        help="leave every cell value out of the report (values, suggested fixes and "
                             "the values quoted in messages), so no student data travels with it")
    parser.add_argument("--list-vendors", action="store_true", help="list the vendor profiles")
    add_limit_option(parser)
    vendor_report_option.register(parser)


def run(args: argparse.Namespace) -> int:
    if args.list_vendors:
        for profile in list_profiles():
            print(f"{profile.name:22} {profile.description}")
        return EXIT_OK
    if not args.path:
        print("rostereditor validate: give the bundle to check (a zip, folder or CSV file).",
              file=sys.stderr)
        return EXIT_UNREADABLE
    limits = limits_from(args)
    if limits is None:
        return EXIT_UNREADABLE
    try:
        bundle = read_bundle(args.path, limits=limits)
    except BundleReadError as exc:
        print(escape_for_terminal(f"rostereditor: cannot read {args.path}: {exc}"), file=sys.stderr)
        return EXIT_UNREADABLE
    result = BundleValidator(bundle, args.vendor, args.oneroster).run()
    vendor_report = vendor_report_option.load(args, bundle) if args.vendor_report else None
    if args.vendor_report and vendor_report is None:
        return EXIT_UNREADABLE
    if args.format in ("xlsx", "csv"):
        status = _write_report_file(vendor_report_option.with_vendor_findings(result, vendor_report),
                                    args)
        if status != EXIT_OK:
            return status
    elif vendor_report is None:
        status = _stream_report(result, args)
        if status != EXIT_OK:
            return status
    else:
        include_values = not args.no_values
        text = (json_report(result, include_values=include_values) if args.format == "json"
                else text_report(result, include_values=include_values))
        if vendor_report is not None:
            shown = vendor_report if include_values else without_report_values(vendor_report)
            ours = len(text)
            text = vendor_report_option.add_to_report(text, shown, args.format)
            # The vendor's lines are escaped like ours: the report file is just as untrusted.
            text = (escape_for_json(text) if args.format == "json"
                    else text[:ours] + escape_lines_for_terminal(text[ours:]))
        if args.output:
            status = _write_text_file(text, Path(args.output))
            if status != EXIT_OK:
                return status
        else:
            sys.stdout.write(text)
    return EXIT_FINDINGS if result.counts["error"] else EXIT_OK


def _stream_report(result: ValidationResult, args: argparse.Namespace) -> int:
    """The text or JSON report, written finding by finding to the screen or the -o file."""
    from rostereditor.cli.findings_output import write_json, write_text

    write = write_json if args.format == "json" else write_text
    include_values = not args.no_values
    if not args.output:
        write(result, sys.stdout, include_values=include_values)
        return EXIT_OK
    from rostereditor.core.atomic_save import SaveError, atomic_write

    def streamed(temp: Path) -> None:
        with temp.open("w", encoding="utf-8", newline="") as out:
            write(result, out, include_values=include_values)

    try:
        atomic_write(Path(args.output), streamed, keep_backup=False)
    except SaveError as exc:
        print(f"rostereditor: cannot write {args.output}: {exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    return EXIT_OK


def _write_text_file(text: str, output: Path) -> int:
    """Write the report through a temporary file, so a kill never leaves half a report."""
    from rostereditor.core.atomic_save import SaveError, atomic_write

    def write(temp: Path) -> None:
        temp.write_text(text, encoding="utf-8", newline="")

    try:
        atomic_write(output, write, keep_backup=False)
    except SaveError as exc:
        print(f"rostereditor: cannot write {output}: {exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    return EXIT_OK


def _write_report_file(result: ValidationResult, args: argparse.Namespace) -> int:
    if not args.output:
        print(f"rostereditor validate: --format {args.format} needs -o report.{args.format}.",
              file=sys.stderr)
        return EXIT_UNREADABLE
    from rostereditor.core.atomic_save import SaveError
    from rostereditor.core.xlsx.findings_report import write_findings_csv, write_findings_xlsx

    try:
        if args.format == "xlsx":
            write_findings_xlsx(result, args.output, vendor=args.vendor, oneroster=result.version,
                                include_values=not args.no_values)
        else:
            write_findings_csv(result, args.output, include_values=not args.no_values)
    except (OSError, SaveError) as exc:
        print(f"rostereditor: cannot write {args.output}: {exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    print(f"Wrote {args.output} ({result.total} findings).")
    return EXIT_OK


def json_report(result: ValidationResult, *, include_values: bool = True) -> str:
    """The findings as JSON; without values, the "value" key is left out of every finding."""
    from rostereditor.cli.findings_output import write_json

    out = io.StringIO()
    write_json(result, out, include_values=include_values)
    return out.getvalue()


def text_report(result: ValidationResult, *, include_values: bool = True) -> str:
    """The findings for a terminal; control characters in them are shown, never acted on."""
    from rostereditor.cli.findings_output import write_text

    out = io.StringIO()
    write_text(result, out, include_values=include_values)
    return out.getvalue()
