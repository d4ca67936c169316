"""Signs that a spreadsheet rewrote a value: lost zeros, 1.2E+11, TRUE, 8/27/2018, _ for é.

Each detector reports through the column's ColumnCheck. Where the damaged value also breaks
the spec (TRUE, 8/27/2018, grade 9 where CEDS codes are required) it is an error; where the
value is still valid and damage is only likely (a short numeric identifier, 12E4), a warning,
so a guess never blocks sending a bundle.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from rostereditor.core.validation import value_patterns as p
from rostereditor.core.validation.fast_patterns import is_scientific
from rostereditor.core.validation.locale_dates import iso_from_locale_date

if TYPE_CHECKING:
    from rostereditor.core.validation.value_checks import ColumnCheck, Mask

# A grade list item 1-9 written without its leading zero.
_UNPADDED_GRADE = r"(^|,)\s*[1-9]\s*(,|$)"


def _flags(mask: pa.Array | pa.ChunkedArray) -> np.ndarray:
    return np.asarray(mask.fill_null(False).to_numpy(zero_copy_only=False), dtype=bool)


def scientific_notation(check: ColumnCheck, valid: Mask | None) -> None:
    """1.23E+11: an error where the value is invalid anyway, a warning where it is a valid ID."""
    name = check.spec.name
    flags = is_scientific(check.values)
    valid = valid if valid is not None else np.ones(len(flags), dtype=bool)

    def describe(value: str | None, _: object) -> tuple[str, str | None]:
        return (f"{name} \"{value}\" looks like an ID Excel turned into scientific notation; the "
                "original digits are lost. Copy the ID again from the source system.", None)

    check.report("excel.scientific-notation", "error", flags & ~valid, describe)
    check.report("excel.scientific-notation", "warning", flags & valid, describe)


def lost_leading_zeros(check: ColumnCheck, candidates: Mask) -> None:
    """A numeric ID shorter than the column's usual zero-padded width (a warning: a guess)."""
    width = check.ctx.zero_pad_widths.get(check.place.column_index or 0)
    if not width or check.spec.kind == "ref_list":
        return
    values = check.values
    # Excel strips every leading zero, so a value still starting with 0 was not damaged
    # (e.g. a 7-digit NCES district ID among 12-digit school IDs).
    digits = _flags(pc.ascii_is_decimal(values)) & ~_flags(pc.starts_with(values, "0"))
    short = digits & candidates & _flags(pc.less(pc.utf8_length(values), pa.scalar(width, pa.int32())))
    name = check.spec.name
    check.report("excel.lost-leading-zeros", "warning", short, lambda v, _: (
        f"{name} \"{v}\" is shorter than the other IDs in this column, which have {width} "
        f"digits; Excel probably dropped its leading zeros. It was likely "
        f"\"{(v or '').zfill(width)}\".", (v or "").zfill(width)))


def boolean_case(check: ColumnCheck, valid: Mask) -> None:
    """TRUE / FALSE: OneRoster values are case-sensitive."""
    name = check.spec.name
    upper = _flags(pc.is_in(pc.utf8_lower(check.values), value_set=pa.array(["true", "false"], pa.string())))
    check.report("excel.boolean-case", "error", ~valid & upper, lambda v, _: (
        f"{name} is \"{v}\" (Excel writes TRUE/FALSE); OneRoster needs lowercase "
        f"\"{(v or '').lower()}\".", (v or "").lower()))


def locale_dates(check: ColumnCheck, valid: Mask) -> None:
    """8/27/2018: a YYYY-MM-DD date re-saved in the spreadsheet's locale form."""
    name = check.spec.name

    def describe(value: str | None, _: object) -> tuple[str, str | None]:
        iso, certain = iso_from_locale_date(value or "")
        hint = f" It is probably {iso}." if iso else ""
        return (f"{name} \"{value}\" is a spreadsheet-style date; OneRoster needs YYYY-MM-DD."
                + hint, iso if certain else None)

    locale = _flags(pc.match_substring_regex(check.values, p.LOCALE_DATE))
    check.report("excel.locale-date", "error", ~valid & locale, describe)


def grade_leading_zero(check: ColumnCheck, items: pa.Array, valid: Mask,
                       vocabulary: tuple[str, ...]) -> None:
    """9 where the vocabulary has 09 (an error: the value is not an accepted code)."""
    padded = items
    for _ in range(2):  # twice: neighbouring items share the comma a match consumes
        padded = pc.replace_substring_regex(padded, r"(^|,)([1-9])(,|$)", "\\1" "0" r"\2\3")
    fixable = ~valid & _flags(pc.match_substring_regex(padded, p.one_of(vocabulary,
                                                                         as_list=True)))
    check.report("excel.grade-leading-zero", "error", fixable, lambda v, _: (
        f"grade \"{v}\" lost its leading zero (Excel turns 09 into 9). "
        f"Did you mean \"{pad_grades(v or '')}\"?", pad_grades(v or "")))


def unpadded_grades(check: ColumnCheck) -> None:
    """OneRoster 1.2 leaves grade codes to the profile, so 9 is allowed; but in a column whose
    other grades are written 01-09 it is probably Excel's doing (a warning)."""
    padding = check.ctx.grade_padding.get(check.place.column_index or 0)
    if padding is None or not padding.zero_padded:
        return
    flags = _flags(pc.match_substring_regex(check.values, _UNPADDED_GRADE))
    check.report("excel.grade-leading-zero", "warning", flags, lambda v, _: (
        f"grade \"{v}\" has no leading zero while the other grades in this column are written "
        f"01-09; Excel turns 09 into 9. Did you mean \"{pad_grades(v or '')}\"?",
        pad_grades(v or "")))


def replacement_character(check: ColumnCheck) -> None:
    """_ or U+FFFD where a letter was: what saving as plain CSV does to é, ñ ..."""
    name = check.spec.name
    flags = _flags(pc.match_substring_regex(check.values, p.REPLACEMENT))
    check.report("excel.replacement-character", "warning", flags, lambda v, _: (
        f"{name} \"{v}\" contains _ or an unreadable mark where a letter probably was (saving "
        "as plain CSV does this to é, ñ, ...). Retype the name.", None))


def pad_grades(value: str) -> str:
    items = [item.strip() for item in value.split(",")]
    return ",".join(g.zfill(2) if g.isdigit() and len(g) == 1 else g for g in items)
