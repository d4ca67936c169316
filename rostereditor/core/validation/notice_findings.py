"""What the reader noticed, as findings (rule id = notice code) so the findings list shows it."""

from __future__ import annotations

from rostereditor.core.bundle import Bundle
from rostereditor.core.oneroster_files import canonical_name
from rostereditor.core.validation.finding import Finding

# Re-checked live from the table, so they disappear when the user fixes them.
LIVE_CODES = frozenset({"read.ragged-record", "read.blank-line", "read.blank-header",
                        "read.duplicate-header"})


def notice_findings(bundle: Bundle) -> list[Finding]:
    found = []
    for notice in bundle.notices:
        if notice.code in LIVE_CODES:
            continue
        # The file-name-case notice names the file as found; findings use the bundle's name.
        file = canonical_name(notice.file) if notice.file else None
        file = file if file in bundle.files else notice.file
        found.append(Finding(file, notice.line, None, notice.code, str(notice.level),
                             notice.message))  # type: ignore[arg-type]
    return found
