"""`rostereditor convert SOURCE --to 1.2 -o OUT.zip`: change a bundle's OneRoster version."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def register(parser: argparse.ArgumentParser) -> None:
    from rostereditor.core.validation import list_profiles

    parser.description = (
        "Convert a bundle to another OneRoster version (1.0 → 1.1, 1.0 → 1.2, 1.1 → 1.2, "
        "1.2 → 1.1) and write it as one canonical zip. The report lists every change, every "
        "loss, and every choice the specification leaves open. Exit 0: written and no errors; "
        "1: written, but the result has errors; 2: nothing written.")
    parser.add_argument("source", help="a bundle zip, a folder, or a CSV file")
    parser.add_argument("--to", required=True, choices=["1.1", "1.2"], help="the target version")
    parser.add_argument("-o", "--output", required=True, help="the zip to write")
    parser.add_argument("--from", dest="source_version", choices=["1.0", "1.1", "1.2"],
                        help="the source's version when its manifest does not say (none means 1.0)")
    parser.add_argument("--users-without-resource-ids", action="store_true",
                        help="1.2: leave resourceSourcedIds out of users.csv, as some readers expect")
    parser.add_argument("--report", help="also write the report here (.json for JSON, else text)")
    parser.add_argument("--vendor", default="1edtech", choices=[p.name for p in list_profiles()],
                        metavar="NAME", help="vendor rules for the check after writing")


def run(args: argparse.Namespace) -> int:
    from rostereditor.cli.bundle_output import EXIT_UNREADABLE, read_source, write_and_check
    from rostereditor.core.conversion import ConversionError, ConversionOptions, convert_bundle

    bundle = read_source(args.source)
    if bundle is None:
        return EXIT_UNREADABLE
    options = ConversionOptions(user_resource_ids=not args.users_without_resource_ids)
    try:
        conversion = convert_bundle(bundle, args.to, source_version=args.source_version,
                                    options=options)
    except ConversionError as exc:
        print(f"rostereditor convert: {exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    report = conversion.report
    sys.stdout.write(report.text() + "\n")
    if args.report:
        path = Path(args.report)
        text = (json.dumps(report.as_json(), ensure_ascii=False, indent=1) + "\n"
                if path.suffix.lower() == ".json" else report.text())
        try:
            path.write_text(text, encoding="utf-8")
        except OSError as exc:
            print(f"rostereditor: cannot write {path}: {exc.strerror or exc}", file=sys.stderr)
            return EXIT_UNREADABLE
    return write_and_check(conversion.bundle, args.output, args.to, args.vendor)
