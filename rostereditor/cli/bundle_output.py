"""What `convert` and `apply` share: read the source, write the result, say how it checks."""

from __future__ import annotations

import sys
from pathlib import Path

from rostereditor.core.atomic_save import SaveError
from rostereditor.core.bundle import Bundle
from rostereditor.core.bundle_reader import read_bundle
from rostereditor.core.read_notice import BundleReadError, NoticeLevel
from rostereditor.core.wording import plural

EXIT_OK, EXIT_FINDINGS, EXIT_UNREADABLE = 0, 1, 2  # as rostereditor.cli.main defines them


def read_source(path: str) -> Bundle | None:
    """The bundle, with read problems on stderr; None (after saying why) when it cannot be read."""
    try:
        bundle = read_bundle(path)
    except BundleReadError as exc:
        print(f"rostereditor: cannot read {path}: {exc}", file=sys.stderr)
        return None
    for notice in bundle.notices:
        if notice.level != NoticeLevel.INFO:
            print(f"{notice.level}: {notice}", file=sys.stderr)
    return bundle


def write_and_check(bundle: Bundle, output: str, version: str, vendor: str) -> int:
    """Write the zip, then check it: EXIT_OK, EXIT_FINDINGS if it has errors, EXIT_UNREADABLE
    if it could not be written."""
    from rostereditor.core.bundle_writer import write_bundle_zip
    from rostereditor.core.validation import BundleValidator

    target = Path(output)
    try:
        saved = write_bundle_zip(bundle, target, version)
    except (SaveError, OSError) as exc:
        print(f"rostereditor: cannot write {output}: {exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    records = sum(len(bundle.files[n].table) for n in bundle.data_file_names)
    print(f"Wrote {target} (OneRoster {version}, {len(bundle.data_file_names)} files, "
          f"{records} records).")
    if saved.backup_message():
        print(saved.backup_message())
    counts = BundleValidator(bundle, vendor, version).run().counts
    verdict = ("" if counts["error"] else " No errors: the bundle can be sent.")
    print(f"Checked as OneRoster {version} ({vendor}): {plural(counts['error'], 'error')}, "
          f"{plural(counts['warning'], 'warning')}.{verdict}"
          + (f" Run `rostereditor validate {target}` to see them." if counts["error"] else ""))
    return EXIT_FINDINGS if counts["error"] else EXIT_OK
