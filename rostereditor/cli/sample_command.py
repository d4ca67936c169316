"""`rostereditor sample -o OUT.zip`: write a synthetic OneRoster 1.1 district, optionally damaged.

The bundled samples (seed 1, the default) were made from the repository root with:
rostereditor sample --students 300 -o resources/sample-district.zip
rostereditor sample --students 300 --damaged -o resources/sample-district-damaged.zip
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def register(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Write a synthetic, valid OneRoster 1.1 district (orgs, sessions, courses, classes, "
        "users, enrollments, demographics and manifest) as one zip. The same seed always gives "
        "the same data. --damaged adds a dozen or so Excel-style faults and lists where they are."
    )
    parser.add_argument("-o", "--output", required=True, help="the zip to write")
    parser.add_argument("--students", type=_positive, default=600,
                        help="how many students (default 600; about 9 enrollments each)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--damaged", action="store_true",
                        help="add realistic spreadsheet damage to fix, and print where it is")
    parser.add_argument("--next-export", action="store_true",
                        help="write the same district at its next export instead (some students "
                             "left, joined or were renumbered; some corrections), to try "
                             "`rostereditor compare` and `rostereditor delta` against the first")


def run(args: argparse.Namespace) -> int:
    from rostereditor.cli.main import EXIT_OK, EXIT_UNREADABLE
    from rostereditor.core.atomic_save import SaveError
    from rostereditor.core.bundle_writer import write_bundle_zip
    from rostereditor.core.sample_district import generate_district

    district = generate_district(args.students, args.seed, damaged=args.damaged)
    if args.next_export:
        from rostereditor.core.sample_district.next_export import next_export

        district.bundle, changes = next_export(district.bundle, seed=args.seed + 1)
        print(f"Next export: {len(changes.left)} students left, {len(changes.joined)} joined, "
              f"{len(changes.renumbered)} renumbered, {len(changes.corrected_users)} users and "
              f"{len(changes.corrected_classes)} classes corrected.")
    output = Path(args.output)
    try:
        saved = write_bundle_zip(district.bundle, output, "1.1")
    except (SaveError, OSError) as exc:
        print(f"rostereditor: cannot write {output}: {exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    bundle = district.bundle
    counts = {name: len(bundle.files[name].table) for name in bundle.data_file_names}
    print(
        f"Wrote {output}: OneRoster 1.1 sample district, seed {args.seed}, "
        f"{counts.get('orgs.csv', 1) - 1} schools, {args.students} students, "
        f"{counts.get('classes.csv', 0)} classes, {counts.get('enrollments.csv', 0)} enrollments "
        f"in {len(counts)} files plus manifest."
    )
    if saved.backup_message():
        print(saved.backup_message())
    if district.damage:
        print(f"Injected {len(district.damage)} faults to find and fix:")
        for damage in district.damage:
            print(f"  {damage.describe()}")
    return EXIT_OK
