"""`rostereditor delta OLD NEW -o delta.zip`: the OneRoster delta that turns OLD into NEW."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from rostereditor.core.wording import plural


def register(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Write a OneRoster 1.1/1.2 delta bundle: records added or changed since OLD are sent "
        "active, records gone are sent tobedeleted, all with the same dateLastModified; files "
        "without changes are marked absent in the manifest. The delta is validated first and "
        "not written if it has errors (unless --force). Exit 0: written; 1: not written "
        "because of errors; 2: a bundle cannot be read or no delta is possible.")
    parser.add_argument("old", help="the bundle the vendor already has")
    parser.add_argument("new", help="the bundle the vendor should end up with")
    parser.add_argument("-o", "--output", required=True, help="the delta zip to write")
    parser.add_argument("--timestamp", metavar="DATETIME",
                        help="dateLastModified for every row, e.g. 2025-01-31T17:05:09.000Z "
                             "(default: now, in UTC)")
    parser.add_argument("--force", action="store_true",
                        help="write the delta even if it has errors")


def run(args: argparse.Namespace) -> int:
    from rostereditor.cli.report_output import (
        EXIT_FINDINGS,
        EXIT_OK,
        EXIT_UNREADABLE,
        read_or_explain,
    )
    from rostereditor.core.atomic_save import SaveError
    from rostereditor.core.bundle_writer import write_bundle_zip
    from rostereditor.core.delta import DeltaError, build_delta
    from rostereditor.core.delta.delta_check import check_delta

    old = read_or_explain(args.old)
    new = read_or_explain(args.new) if old is not None else None
    if old is None or new is None:
        return EXIT_UNREADABLE
    try:
        delta = build_delta(old, new, timestamp=args.timestamp)
    except DeltaError as exc:
        print(f"rostereditor delta: {exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    for skipped in delta.skipped_files:
        print(f"{skipped} is not a OneRoster {delta.version} file, so the delta leaves it out.")
    check = check_delta(delta)
    errors = check.errors
    for finding in [*errors, *check.others][:20]:
        where = f"{finding.file or 'bundle'}" + (f" line {finding.line}" if finding.line else "")
        print(f"  {where}: {finding.severity}: {finding.message}", file=sys.stderr)
    if errors and not args.force:
        print(f"rostereditor delta: the delta has {plural(len(errors), 'error')}, so it was not "
              "written. Fix NEW (rostereditor validate shows where) or use --force.",
              file=sys.stderr)
        return EXIT_FINDINGS
    output = Path(args.output)
    try:
        write_bundle_zip(delta.bundle, output, delta.version, keep_backup=False)
    except (SaveError, OSError) as exc:
        print(f"rostereditor: cannot write {output}: {exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    if not delta.counts:
        print(f"Wrote {output}: no changes, so it holds only the manifest (\"no updates\").")
        return EXIT_OK
    print(f"Wrote {output}: OneRoster {delta.version} delta, dateLastModified {delta.timestamp}.")
    for c in delta.counts:
        print(f"  {c.file}: {c.added:,} added, {c.changed:,} changed (active), "
              f"{c.removed:,} removed (tobedeleted)")
    if check.earlier:
        print(f"  {check.earlier:,} references point at records the vendor has from earlier "
              "uploads (normal in a delta; `rostereditor validate` lists them as warnings).")
    return EXIT_FINDINGS if errors else EXIT_OK
