"""References into a file the bundle does not have: one finding per column, with the count.

Without courses.csv every class's courseSourcedId fails to resolve; one finding that says the
file is missing and how many classes refer to it helps, thousands of identical row findings
do not.
"""

from __future__ import annotations

import pyarrow.compute as pc

from rostereditor.core.arrow_text import text
from rostereditor.core.bundle import Bundle
from rostereditor.core.spec.model import OneRosterSpec
from rostereditor.core.validation.finding import Finding

_NOUNS = {"classes.csv": "class", "courses.csv": "course", "enrollments.csv": "enrollment",
          "users.csv": "user", "orgs.csv": "org", "academicSessions.csv": "academic session",
          "demographics.csv": "demographics record", "lineItems.csv": "line item",
          "results.csv": "result", "categories.csv": "category", "resources.csv": "resource"}


def file_mode(bundle: Bundle, spec: OneRosterSpec, name: str) -> str:
    """bulk or delta; OneRoster 1.0 has no delta files, so its references are always due."""
    return bundle.mode(name) if spec.has_manifest else "bulk"


def missing_target_findings(bundle: Bundle, spec: OneRosterSpec) -> list[Finding]:
    found: list[Finding] = []
    for name in bundle.data_file_names:
        file_spec = spec.file(name)
        if file_spec is None:
            continue
        table = bundle.files[name].table
        for column in file_spec.columns:
            target = column.target
            if column.kind not in ("ref", "ref_list") or target is None or \
                    target in bundle.files:
                continue
            index = table.column_index(column.name)
            if index is None or len(table) == 0:
                continue
            count = int(pc.sum(pc.not_equal(table.column_array(index), text(""))).as_py() or 0)
            if count == 0:
                continue
            delta = file_mode(bundle, spec, name) == "delta"
            noun = _NOUNS.get(name, "record")
            records = f"{count} {noun}{'' if count == 1 else 'es' if noun.endswith('s') else 's'}"
            advice = (" In a delta file they may have been sent before; check them."
                      if delta else f" Add {target}, or remove the references.")
            found.append(Finding(
                name, None, column.name, "ref.missing-file", "warning" if delta else "error",
                f"{records} in {name} refer to {target} in {column.name}, but the bundle has "
                f"no {target}, so none of those references can be checked or resolved."
                + advice, column_index=index))
    return found
