"""Put a dozen or so realistic spreadsheet faults into a generated district, and say where.

Each fault is what Excel does when a coordinator opens the CSV, touches it and saves it:
numbers lose leading zeros, booleans become TRUE, ISO dates become M/D/YYYY, long numbers
become 1.23457E+11, deleted columns leave trailing commas; plus two classic hand-edit slips,
a reference to a user who is not in users.csv and a copied sourcedId.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from rostereditor.core.sample_district.draft_table import DraftTable
from rostereditor.core.sample_district.generated_district import InjectedDamage
from rostereditor.core.sample_district.text_columns import constant

ISO_DATE = r"^\d{4}-\d{2}-\d{2}$"
TRAILING_COLUMN_FILE = "courses.csv"


def strip_leading_zeros(text: str) -> str:
    return text.lstrip("0") or "0"


def excel_boolean(text: str) -> str:
    return text.upper()


def locale_date(text: str) -> str:
    """2024-08-26 -> 8/26/2024, as a US-locale Excel saves a date cell."""
    year, month, day = text.split("-")
    return f"{int(month)}/{int(day)}/{year}"


def scientific_notation(text: str) -> str:
    """412345678901 -> 4.12346E+11, Excel's General format for numbers over 11 digits."""
    mantissa, exponent = f"{int(text):.5E}".split("E")
    return f"{mantissa}E+{int(exponent):02d}"


@dataclass(frozen=True)
class CellFault:
    file: str
    column: str
    kind: str
    count: int
    candidates: Callable[[DraftTable], pa.Array]  # which rows this fault can realistically hit
    change: Callable[[str], str]


def _matches(column: str, pattern: str, **also: str) -> Callable[[DraftTable], pa.Array]:
    def rows(table: DraftTable) -> pa.Array:
        mask = pc.match_substring_regex(table.column(column), pattern)
        for other, value in also.items():
            mask = pc.and_(mask, pc.equal(table.column(other), pa.scalar(value, pa.string())))
        return mask

    return rows


CELL_FAULTS: tuple[CellFault, ...] = (
    # A student ID loses its zeros in a referencing column, so the enrollment points nowhere.
    CellFault("enrollments.csv", "userSourcedId", "leading-zeros-lost-id", 2,
              _matches("userSourcedId", r"^0\d+$", role="student"), strip_leading_zeros),
    CellFault("demographics.csv", "sourcedId", "leading-zeros-lost-id", 1,
              _matches("sourcedId", r"^0\d+$"), strip_leading_zeros),
    CellFault("users.csv", "grades", "leading-zeros-lost-grade", 2,
              _matches("grades", r"^0[1-9]$"), strip_leading_zeros),
    CellFault("classes.csv", "grades", "leading-zeros-lost-grade", 1,
              _matches("grades", r"^0[1-9]$"), strip_leading_zeros),
    CellFault("users.csv", "enabledUser", "excel-boolean", 1,
              _matches("enabledUser", "^true$"), excel_boolean),
    CellFault("enrollments.csv", "primary", "excel-boolean", 1,
              _matches("primary", "^true$"), excel_boolean),
    CellFault("demographics.csv", "hispanicOrLatinoEthnicity", "excel-boolean", 1,
              _matches("hispanicOrLatinoEthnicity", "^false$"), excel_boolean),
    CellFault("enrollments.csv", "beginDate", "locale-date", 1,
              _matches("beginDate", ISO_DATE), locale_date),
    CellFault("demographics.csv", "birthDate", "locale-date", 1,
              _matches("birthDate", ISO_DATE), locale_date),
    CellFault("users.csv", "identifier", "scientific-notation-id", 1,
              _matches("identifier", r"^[1-9]\d{11,14}$"), scientific_notation),
)


def inject_excel_damage(files: dict[str, DraftTable], rng: np.random.Generator) -> list[InjectedDamage]:
    """Damage the drafts in place; returns every change, ordered by file and line."""
    used: dict[str, set[int]] = {name: set() for name in files}
    damage: list[InjectedDamage] = []
    for fault in CELL_FAULTS:
        table = files.get(fault.file)
        if table is None:
            continue
        for row in _pick_rows(table, fault.candidates(table), used[fault.file], fault.count, rng):
            value = fault.change(table.cell(row, fault.column))
            damage.append(_set(table, fault.file, row, fault.column, kind=fault.kind, value=value))
    damage.extend(_missing_user_reference(files, used, rng))
    damage.extend(_duplicate_sourced_id(files, used, rng))
    damage.extend(_trailing_empty_column(files))
    return sorted(damage, key=lambda d: (d.file, d.line, d.column or ""))


def _pick_rows(
    table: DraftTable, candidates: pa.Array, used: set[int], count: int, rng: np.random.Generator
) -> list[int]:
    mask = np.asarray(candidates.fill_null(False).to_numpy(zero_copy_only=False), dtype=bool)
    if used:
        mask[list(used)] = False
    rows = np.flatnonzero(mask)
    if len(rows) == 0:
        return []
    chosen = sorted(int(r) for r in rng.choice(rows, size=min(count, len(rows)), replace=False))
    used.update(chosen)
    return chosen


def _set(
    table: DraftTable, file: str, row: int, column: str, *, kind: str, value: str
) -> InjectedDamage:
    original = table.cell(row, column)
    table.set_cell(row, column, value)
    return InjectedDamage(file, row + 2, column, kind, original, value)


def _missing_user_reference(
    files: dict[str, DraftTable], used: dict[str, set[int]], rng: np.random.Generator
) -> list[InjectedDamage]:
    """A student enrollment re-pointed at the next student number, which users.csv lacks."""
    enrollments, users = files.get("enrollments.csv"), files.get("users.csv")
    if enrollments is None or users is None:
        return []
    candidates = _matches("userSourcedId", r"^\d+$", role="student")(enrollments)
    rows = _pick_rows(enrollments, candidates, used["enrollments.csv"], 1, rng)
    if not rows:
        return []
    numeric = pc.filter(users.column("sourcedId"), _matches("sourcedId", r"^\d+$")(users))
    width = max(len(v) for v in numeric.to_pylist())
    absent = f"{max(int(v) for v in numeric.to_pylist()) + 1:0{width}d}"
    return [_set(enrollments, "enrollments.csv", rows[0], "userSourcedId",
                 kind="missing-user-reference", value=absent)]


def _duplicate_sourced_id(
    files: dict[str, DraftTable], used: dict[str, set[int]], rng: np.random.Generator
) -> list[InjectedDamage]:
    """A row's sourcedId overwritten with the one above it, as a fill-down slip would."""
    enrollments = files.get("enrollments.csv")
    if enrollments is None or len(enrollments) < 2:
        return []
    mask = np.ones(len(enrollments), dtype=bool)
    mask[0] = False
    for row in used["enrollments.csv"]:
        mask[row] = False
        if row + 1 < len(mask):
            mask[row + 1] = False  # the copied-from row stays as generated
    rows = _pick_rows(enrollments, pa.array(mask, pa.bool_()), set(), 1, rng)
    if not rows:
        return []
    used["enrollments.csv"].update(rows)
    row = rows[0]
    above = enrollments.cell(row - 1, "sourcedId")
    return [_set(enrollments, "enrollments.csv", row, "sourcedId",
                 kind="duplicate-sourcedid", value=above)]


def _trailing_empty_column(files: dict[str, DraftTable]) -> list[InjectedDamage]:
    """A deleted column leaves a trailing comma on the header and on every record."""
    table = files.get(TRAILING_COLUMN_FILE)
    if table is None:
        return []
    table.append_column("", constant("", len(table)))
    return [InjectedDamage(TRAILING_COLUMN_FILE, 1, None, "trailing-empty-column", None, "")]
