"""The damaged district: each listed fault is in the written zip exactly where the list says."""

from __future__ import annotations

import re

from rostereditor.core.sample_district import GeneratedDistrict

Rows = dict[str, list[list[str]]]

EXPECTED_KINDS = {
    "leading-zeros-lost-id", "leading-zeros-lost-grade", "excel-boolean", "locale-date",
    "scientific-notation-id", "missing-user-reference", "duplicate-sourcedid",
    "trailing-empty-column",
}


def test_every_kind_of_damage_is_present_and_few_enough_to_fix_by_hand(
    damaged_district: GeneratedDistrict,
) -> None:
    kinds = {d.kind for d in damaged_district.damage}
    assert kinds == EXPECTED_KINDS
    assert 8 <= len(damaged_district.damage) <= 20
    cells = [(d.file, d.line, d.column) for d in damaged_district.damage]
    assert len(cells) == len(set(cells)), "two faults on one cell would hide each other"


def test_each_cell_fault_is_at_its_stated_line_and_column(
    damaged_district: GeneratedDistrict, damaged_rows: Rows, clean_rows: Rows
) -> None:
    for damage in damaged_district.damage:
        if damage.column is None:
            continue
        header = damaged_rows[damage.file][0]
        col = header.index(damage.column)
        record = damaged_rows[damage.file][damage.line - 1]  # header is line 1
        assert record[col] == damage.damaged, damage
        assert clean_rows[damage.file][damage.line - 1][col] == damage.original, damage
        assert damage.original != damage.damaged


def test_nothing_else_differs_from_the_clean_district(
    damaged_district: GeneratedDistrict, damaged_rows: Rows, clean_rows: Rows
) -> None:
    stated = {(d.file, d.line, d.column) for d in damaged_district.damage}
    widened = {d.file for d in damaged_district.damage if d.kind == "trailing-empty-column"}
    for name, clean in clean_rows.items():
        damaged = damaged_rows[name]
        assert len(damaged) == len(clean), name
        for line, (before, written) in enumerate(zip(clean, damaged, strict=True), start=1):
            after = written
            if name in widened:
                assert written[-1] == ""
                assert len(written) == len(before) + 1
                after = written[:-1]
            for col, (old, new) in enumerate(zip(before, after, strict=True)):
                if old != new:
                    assert (name, line, clean[0][col]) in stated, (name, line, clean[0][col])


def test_damage_looks_like_what_excel_writes(damaged_district: GeneratedDistrict) -> None:
    shapes = {
        "leading-zeros-lost-id": lambda o, d: o.startswith("0") and d == o.lstrip("0"),
        "leading-zeros-lost-grade": lambda o, d: re.fullmatch("0[1-9]", o) and d == o[1],
        "excel-boolean": lambda o, d: o in ("true", "false") and d == o.upper(),
        "locale-date": lambda o, d: re.fullmatch(r"\d{4}-\d\d-\d\d", o)
        and re.fullmatch(r"[1-9]\d?/[1-9]\d?/\d{4}", d),
        "scientific-notation-id": lambda o, d: re.fullmatch(r"[1-9]\d{11}", o)
        and re.fullmatch(r"\d\.\d{5}E\+11", d) and abs(float(d) - int(o)) < 1e6,
    }
    for damage in damaged_district.damage:
        if damage.kind in shapes:
            assert shapes[damage.kind](damage.original, damage.damaged), damage


def test_reference_faults_really_break_references(
    damaged_district: GeneratedDistrict, damaged_rows: Rows
) -> None:
    user_ids = {row[0] for row in damaged_rows["users.csv"][1:]}
    enrollments = damaged_rows["enrollments.csv"]
    enrollment_ids = [row[0] for row in enrollments[1:]]
    for damage in damaged_district.damage:
        if damage.kind == "missing-user-reference" or (
            damage.kind == "leading-zeros-lost-id" and damage.file == "enrollments.csv"
        ):
            assert damage.original in user_ids
            assert damage.damaged not in user_ids
        if damage.kind == "duplicate-sourcedid":
            assert enrollment_ids.count(damage.damaged) == 2
            assert damage.original not in enrollment_ids


def test_trailing_empty_column_widens_header_and_every_record(
    damaged_district: GeneratedDistrict, damaged_rows: Rows
) -> None:
    fault = next(d for d in damaged_district.damage if d.kind == "trailing-empty-column")
    assert fault.line == 1
    assert fault.column is None
    assert fault.original is None
    header, *body = damaged_rows[fault.file]
    assert header[-1] == ""
    assert all(len(r) == len(header) and r[-1] == "" for r in body)
