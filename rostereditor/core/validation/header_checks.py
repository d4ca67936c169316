"""Header rows: exact names, order and case; missing, misspelled, extra, blank and duplicate."""

from __future__ import annotations

import difflib

import pyarrow.compute as pc

from rostereditor.core.arrow_text import text
from rostereditor.core.spec.model import FileSpec
from rostereditor.core.spec.vendor_profile import Profile
from rostereditor.core.table import Table
from rostereditor.core.validation.finding import Finding
from rostereditor.core.wording import plural

_BOM_MARKS = ("\ufeff", "ï»¿")


def header_findings(file: str, table: Table, spec: FileSpec | None,
                    profile: Profile | None = None) -> list[Finding]:
    header = table.header
    found: list[Finding] = []

    def add(rule: str, message: str, column: str | None, index: int | None, *,
            fix: str | None = None, severity: str = "error") -> None:
        found.append(Finding(file, 1, column, rule, severity, message,  # type: ignore[arg-type]
                             column, None, index, fix))

    trailing = _trailing_empty_columns(table)
    seen: dict[str, int] = {}
    for index, name in enumerate(header):
        if index in trailing:
            continue
        if name.strip() == "":
            add("read.blank-header", f"Column {index + 1} has no name in the header row. Name it, "
                "or delete it if it is empty.", None, index)
        elif name in seen:
            add("read.duplicate-header", f"The column name \"{name}\" appears twice (columns "
                f"{seen[name] + 1} and {index + 1}). Rename or delete one.", name, index)
        else:
            seen[name] = index
    if trailing:
        # "The last column has ... Delete it." / "The last 2 columns have ... Delete them."
        last = ("column has" if len(trailing) == 1
                else f"{plural(len(trailing), 'column')} have")
        add("excel.trailing-empty-columns", f"The last {last} no name and no values (left by "
            f"Excel). Delete {'it' if len(trailing) == 1 else 'them'}.", None, min(trailing),
            severity="warning")
    if spec is None:
        return found
    found.extend(_against_spec(file, header, spec, trailing, profile))
    return found


def _trailing_empty_columns(table: Table) -> set[int]:
    trailing: set[int] = set()
    for index in range(len(table.header) - 1, -1, -1):
        if table.header[index].strip() != "":
            break
        values = table.column_array(index)
        if len(values) and pc.any(pc.not_equal(values, text(""))).as_py():
            break
        trailing.add(index)
    return trailing


def _against_spec(file: str, header: list[str], spec: FileSpec, trailing: set[int],
                  profile: Profile | None) -> list[Finding]:
    found: list[Finding] = []
    expected = spec.column_names
    layouts = spec.layouts()
    names = [n for i, n in enumerate(header) if i not in trailing and n.strip()]
    defined = set(expected)
    # Worked out once, not per column: a header can have thousands of columns.
    in_header = set(header)
    not_in_header = [e for e in expected if e not in in_header]
    last_defined = max((i for i, n in enumerate(header) if n in defined), default=-1)
    matched: set[str] = set()
    for index, name in enumerate(header):
        if index in trailing or not name.strip() or name in defined:
            matched.add(name)
            continue
        if profile is not None and profile.documents_column(file, name):
            continue  # the vendor's own template column, where its template puts it
        clean = name
        for mark in _BOM_MARKS:
            clean = clean.removeprefix(mark)
        if clean != name and clean in defined:
            found.append(Finding(file, 1, name, "header.bom", "error",
                                 f"The column name \"{name}\" starts with invisible characters "
                                 f"(a damaged byte order mark). Rename it to \"{clean}\".",
                                 name, None, index, clean))
            continue
        suggestion = _suggest(name, not_in_header)
        if suggestion:
            found.append(Finding(file, 1, name, "header.misspelled-column", "error",
                                 f"The column \"{name}\" should be spelled \"{suggestion}\" "
                                 "(names are case-sensitive). Rename it.",
                                 name, None, index, suggestion))
            matched.add(suggestion)
        elif name.startswith("metadata."):
            if index < last_defined and not spec.extensions_anywhere:
                found.append(Finding(file, 1, name, "header.extension-position", "error",
                                     f"The extra column \"{name}\" must come after all the "
                                     "columns OneRoster defines. Move it to the end.",
                                     name, None, index))
        elif profile is not None and profile.columns_must_match:
            found.append(Finding(file, 1, name, "header.unknown-column", "error",
                                 f"\"{name}\" is not a column of {file} in {profile.who}'s "
                                 f"templates, and {profile.who} fails imports whose columns "
                                 "differ from its templates. Delete the column.",
                                 name, None, index))
        else:
            found.append(Finding(file, 1, name, "header.unknown-column", "error",
                                 f"\"{name}\" is not a column of {file}. Extra columns must be named "
                                 f"metadata.{name} and placed at the end; rename it or delete it.",
                                 name, None, index))
    optional = set(spec.omittable)
    for name in expected:
        if name not in in_header and name not in matched and name not in optional:
            position = expected.index(name) + 1
            found.append(Finding(file, 1, name, "header.missing-column", "error",
                                 f"The column \"{name}\" is missing; OneRoster needs it as column "
                                 f"{position} even when its values are empty. Add it.",
                                 None, None, None))
    present = [n for n in names if n in defined]
    if not found and not any(present == [n for n in layout if n in present]
                             for layout in layouts):
        found.append(Finding(file, 1, None, "header.column-order", "error",
                             f"The columns of {file} are not in the spec's order. The order must "
                             "be: " + ",".join(expected) + ".", None, None, None))
    return found


def _suggest(name: str, candidates: list[str]) -> str | None:
    lowered = {c.lower(): c for c in candidates}
    if name.strip().lower() in lowered:
        return lowered[name.strip().lower()]
    close = difflib.get_close_matches(name, candidates, n=1, cutoff=0.8)
    return close[0] if close else None
