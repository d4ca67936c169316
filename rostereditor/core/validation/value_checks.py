"""Checks of each value against its column's type, vectorized over a whole column at a time."""

from __future__ import annotations

import re
from collections.abc import Callable

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from rostereditor.core.spec.model import ColumnSpec
from rostereditor.core.validation import value_patterns as p
from rostereditor.core.validation.fast_patterns import has_line_break, is_guid, is_scientific
from rostereditor.core.validation.file_context import FileContext
from rostereditor.core.validation.finding import Severity
from rostereditor.core.validation.finding_batch import (
    Describe,
    FindingBatch,
    Place,
    batch_from_mask,
)
from rostereditor.core.validation.locale_dates import iso_from_locale_date

Mask = np.ndarray


def _np(mask: pa.Array) -> Mask:
    return np.asarray(mask.fill_null(False).to_numpy(zero_copy_only=False), dtype=bool)


def _match(values: pa.Array, pattern: str) -> Mask:
    return _np(pc.match_substring_regex(values, pattern))


class ColumnCheck:
    """Runs the checks of one column over some of its rows and collects batches."""

    def __init__(self, ctx: FileContext, index: int, spec: ColumnSpec, values: pa.Array,
                 row_ids: np.ndarray) -> None:
        self.ctx = ctx
        self.spec = spec
        self.place = Place(ctx.file, spec.name, index)
        self.values = values
        self.row_ids = row_ids
        self.batches: list[FindingBatch] = []
        # Rows not yet explained by a finding; later, more general rules only see these.
        self.open: Mask = np.ones(len(values), dtype=bool)

    def report(self, rule: str, severity: Severity, mask: Mask, describe: Describe,
               *, claim: bool = True) -> None:
        mask = mask & self.open
        batch = batch_from_mask(self.place, rule, severity, row_ids=self.row_ids,
                                values=self.values, mask=mask, describe=describe)
        if batch is not None:
            self.batches.append(batch)
            if claim:
                self.open &= ~mask

    def run(self) -> list[FindingBatch]:
        if len(self.values) == 0:
            return []
        blank = _np(pc.equal(self.values, ""))
        spec, name, ctx = self.spec, self.spec.name, self.ctx
        if spec.mode_dependent:
            if ctx.mode == "bulk":
                self.report("mode.bulk-filled", "error", ~blank, lambda v, _: (
                    f"{name} must be blank in a bulk file but has \"{v}\". Clear it, or send "
                    f"{ctx.file} as a delta file.", ""))
                return self.batches
            self.report("mode.delta-blank", "error", blank, lambda v, _: (
                f"{name} must be filled in a delta file. Fill it in.", None))
        elif spec.required:
            self.report("value.required", "error", blank, lambda v, _: (
                f"{name} is required but empty. Fill in a value.", None))
        elif (ctx.file, name) in ctx.profile.required_values:
            who = ctx.profile.who
            self.report("vendor.required-value", "error", blank, lambda v, _: (
                f"{who} requires {name} on every record, but it is empty. Fill it in.", None))
        self.open &= ~blank
        if not self.open.any():
            return self.batches
        KIND_CHECKS[spec.kind](self)
        self._vendor_lengths()
        return self.batches

    def _vendor_lengths(self) -> None:
        limits = self.ctx.profile.max_lengths
        limit = limits.get((self.ctx.file, self.spec.name)) or limits.get(("*", "*"))
        if limit is None:
            return
        too_long = _np(pc.greater(pc.utf8_length(self.values), limit))
        who, name = self.ctx.profile.who, self.spec.name
        self.report("vendor.max-length", "error", too_long, lambda v, _: (
            f"{who} accepts at most {limit} characters in {name}; this has {len(v or '')}. "
            "Shorten it.", None), claim=False)

    # -- identifiers ---------------------------------------------------------------------

    def identifiers(self) -> None:
        as_list = self.spec.kind == "ref_list"
        name = self.spec.name
        valid = _match(self.values, p.GUID_LIST) if as_list else is_guid(self.values)
        self.excel_id_damage()
        if not (~valid & self.open).any():
            self.vendor_ids(valid)
            self.leading_zeros(valid)
            return
        trimmed = pc.utf8_trim_whitespace(self.values)
        if as_list:
            trimmed = pc.replace_substring_regex(trimmed, r"\s*,\s*", ",")
        fixable = ~valid & _match(trimmed, p.GUID_LIST if as_list else p.GUID)
        self.report("value.whitespace", "error", fixable, lambda v, _: (
            f"{name} \"{v}\" has spaces around it, so it will not match. Remove them.",
            _strip_id(v or "", as_list)))
        if as_list:
            self.report("value.list", "error", ~valid & _match(self.values, r"(^,|,,|,$)"),
                        lambda v, _: (f"{name} \"{v}\" has an empty item (a doubled or trailing "
                                      "comma). Remove the extra comma.", None))
        self.report("value.guid", "error", ~valid, lambda v, _: (
            f"{name} \"{v}\" is not a valid ID: use only letters, digits and . - _ / @ "
            "(fewer than 256 characters).", None))
        self.vendor_ids(valid)
        self.leading_zeros(valid)

    def excel_id_damage(self) -> None:
        name = self.spec.name
        self.report("excel.scientific-notation", "error", is_scientific(self.values),
                    lambda v, _: (f"{name} \"{v}\" looks like an ID Excel turned into scientific "
                                  "notation; the original digits are lost. Copy the ID again "
                                  "from the source system.", None))

    def leading_zeros(self, candidates: Mask) -> None:
        width = self.ctx.zero_pad_widths.get(self.place.column_index or 0)
        if not width or self.spec.kind == "ref_list":
            return
        # Excel strips every leading zero, so a value still starting with 0 was not damaged
        # (e.g. a 7-digit NCES district ID among 12-digit school IDs).
        digits = _np(pc.ascii_is_decimal(self.values)) & ~_np(pc.starts_with(self.values, "0"))
        short = digits & candidates & _np(pc.less(pc.utf8_length(self.values), width))
        name = self.spec.name
        self.report("excel.lost-leading-zeros", "error", short, lambda v, _: (
            f"{name} \"{v}\" is shorter than the other IDs in this column, which have {width} "
            f"digits; Excel probably dropped its leading zeros. It was likely "
            f"\"{(v or '').zfill(width)}\".", (v or "").zfill(width)))

    def vendor_ids(self, valid: Mask) -> None:
        profile = self.ctx.profile
        if profile.id_pattern is None and profile.id_max_length is None:
            return
        as_list = self.spec.kind == "ref_list"
        ok = np.ones(len(self.values), dtype=bool)
        if profile.id_pattern:
            ok &= _match(self.values, p.id_pattern(profile.id_pattern, as_list=as_list))
        if profile.id_max_length and not as_list:
            ok &= ~_np(pc.greater(pc.utf8_length(self.values), profile.id_max_length))
        who, name, limit = profile.who, self.spec.name, profile.id_max_length
        rule_text = profile.id_rule_text
        self.report("vendor.id-format", "error", ~ok & valid, lambda v, _: (
            f"{who} accepts only {rule_text} in IDs"
            + (f", at most {limit} characters" if limit else "")
            + f"; {name} \"{v}\" does not fit. Change the ID here and wherever it is used.",
            None))

    # -- typed values ----------------------------------------------------------------------

    def enumeration(self) -> None:
        spec, name = self.spec, self.spec.name
        ignore_case = self.ctx.profile.values_case_insensitive
        valid = _match(self.values, p.one_of(spec.values, as_list=spec.kind == "enum_list",
                                             ignore_case=ignore_case))
        if spec.extensible:
            valid |= _np(pc.starts_with(self.values, "ext:"))
        lowered = {value.lower(): value for value in spec.values}
        allowed = ", ".join(spec.values)

        def describe(value: str | None, _: object) -> tuple[str, str | None]:
            text = value or ""
            if spec.kind == "enum_list":
                items = [lowered.get(i.strip().lower()) for i in text.split(",")]
                fix = ",".join(items) if all(items) else None  # type: ignore[arg-type]
            else:
                fix = lowered.get(text.strip().lower())
            if fix is not None:
                return (f"{name} \"{text}\" is not allowed (values are case-sensitive). "
                        f"Did you mean \"{fix}\"?", fix)
            return f"{name} \"{text}\" is not allowed. Use one of: {allowed}.", None

        self.report("value.enum", "error", ~valid, describe)
        self._vendor_roles()

    def _vendor_roles(self) -> None:
        roles = self.ctx.profile.user_roles
        if roles is None or self.spec.name != "role" or self.ctx.file not in (
                "users.csv", "roles.csv"):
            return
        outside = ~_np(pc.is_in(self.values, value_set=pa.array(roles, pa.string())))
        who, name = self.ctx.profile.who, self.spec.name
        self.report("vendor.role", "error", outside, lambda v, _: (
            f"{who} accepts only the roles {', '.join(roles)}; \"{v}\" will be rejected. "
            f"Change the {name} or leave the user out.", None))

    def boolean(self) -> None:
        name = self.spec.name
        ignore_case = self.ctx.profile.values_case_insensitive
        valid = _match(self.values, p.one_of(("true", "false"), ignore_case=ignore_case))
        upper = _np(pc.is_in(pc.utf8_lower(self.values), value_set=pa.array(["true", "false"])))
        self.report("excel.boolean-case", "error", ~valid & upper, lambda v, _: (
            f"{name} is \"{v}\" (Excel writes TRUE/FALSE); OneRoster needs lowercase "
            f"\"{(v or '').lower()}\".", (v or "").lower()))
        self.report("value.boolean", "error", ~valid, lambda v, _: (
            f"{name} must be true or false, not \"{v}\".", None))

    def date(self) -> None:
        name = self.spec.name
        valid = _match(self.values, p.DATE)
        self._locale_dates(valid)
        self.report("value.date", "error", ~valid, lambda v, _: (
            f"{name} \"{v}\" is not a date written YYYY-MM-DD (e.g. 2024-08-15). Rewrite it.",
            None))

    def _locale_dates(self, valid: Mask) -> None:
        name = self.spec.name

        def describe(value: str | None, _: object) -> tuple[str, str | None]:
            iso, certain = iso_from_locale_date(value or "")
            hint = f" It is probably {iso}." if iso else ""
            return (f"{name} \"{value}\" is a spreadsheet-style date; OneRoster needs YYYY-MM-DD."
                    + hint, iso if certain else None)

        self.report("excel.locale-date", "error", ~valid & _match(self.values, p.LOCALE_DATE),
                    describe)

    def datetime(self) -> None:
        name = self.spec.name
        valid = _match(self.values, p.DATETIME)
        date_only = ~valid & _match(self.values, p.DATE)
        self.report("value.datetime-no-time", "warning", date_only, lambda v, _: (
            f"{name} \"{v}\" has a date but no time; the spec asks for e.g. {v}T00:00:00Z.",
            None))
        self._locale_dates(valid)
        self.report("value.datetime", "error", ~valid, lambda v, _: (
            f"{name} \"{v}\" is not a date and time like 2024-08-15T10:00:00.000Z. Rewrite it.",
            None))

    def year(self) -> None:
        name = self.spec.name
        self.report("value.year", "error", ~_match(self.values, p.YEAR), lambda v, _: (
            f"{name} \"{v}\" is not a four-digit year like 2025.", None))

    def number(self) -> None:
        name = self.spec.name
        pattern = p.INTEGER if self.spec.kind == "integer" else p.FLOAT
        self.report("value.number", "error", ~_match(self.values, pattern), lambda v, _: (
            f"{name} \"{v}\" is not a {'whole ' if self.spec.kind == 'integer' else ''}number.",
            None))

    def grades(self) -> None:
        profile, name = self.ctx.profile, self.spec.name
        vocabulary = profile.grades or self.spec.values
        valid = _match(self.values, p.one_of(vocabulary, as_list=True,
                                             ignore_case=profile.grades_case_insensitive))
        padded = self.values
        for _ in range(2):  # twice: neighbouring items share the comma a match consumes
            padded = pc.replace_substring_regex(padded, r"(^|,)([1-9])(,|$)", "\\1" "0" r"\2\3")
        fixable = ~valid & _match(padded, p.one_of(vocabulary, as_list=True))
        self.report("excel.grade-leading-zero", "error", fixable, lambda v, _: (
            f"grade \"{v}\" lost its leading zero (Excel turns 09 into 9). "
            f"Did you mean \"{_pad_grades(v or '')}\"?", _pad_grades(v or "")))
        rule = "vendor.grade" if profile.grades else "value.grade"
        who = profile.who
        codes = ", ".join(vocabulary)
        self.report(rule, "error", ~valid, lambda v, _: (
            f"{name} \"{v}\" is not a grade code {who} accepts. Use: {codes}.", None))

    def user_ids(self) -> None:
        name = self.spec.name
        self.report("value.user-ids", "error", ~_match(self.values, p.USER_IDS), lambda v, _: (
            f"{name} \"{v}\" must be written {{Type:Id}}, e.g. {{LDAP:jsmith}}; separate "
            "several with commas.", None))

    def text(self) -> None:
        name, role = self.spec.name, self.spec.text_role
        self.report("value.line-break", "error", has_line_break(self.values), lambda v, _: (
            f"{name} contains a line break, which OneRoster forbids. Remove it.",
            re.sub(r"\s*[\r\n]+\s*", " ", v or "")), claim=False)
        if role in ("id", "username", "email"):
            trimmed = pc.utf8_trim_whitespace(self.values)
            spaced = _np(pc.not_equal(trimmed, self.values))
            self.report("value.whitespace", "error" if role == "id" else "warning", spaced,
                        lambda v, _: (f"{name} \"{v}\" has spaces before or after it, which break "
                                      "matching and sign-in. Remove them.", (v or "").strip()))
        if role == "id":
            self.excel_id_damage()
            self.leading_zeros(np.ones(len(self.values), dtype=bool))
        elif role == "email":
            self.report("value.email", "warning", ~_match(self.values, p.EMAIL), lambda v, _: (
                f"email \"{v}\" does not look like one email address (name@example.org).", None))
        elif role == "name":
            self.report("excel.replacement-character", "warning",
                        _match(self.values, p.REPLACEMENT), lambda v, _: (
                            f"{name} \"{v}\" contains _ or an unreadable mark where a letter "
                            "probably was (saving as plain CSV does this to é, ñ, ...). "
                            "Retype the name.", None))


def _strip_id(value: str, as_list: bool) -> str:
    if as_list:
        return ",".join(item.strip() for item in value.split(","))
    return value.strip()


def _pad_grades(value: str) -> str:
    return ",".join(g.zfill(2) if g.isdigit() and len(g) == 1 else g for g in value.split(","))


KIND_CHECKS: dict[str, Callable[[ColumnCheck], None]] = {
    "guid": ColumnCheck.identifiers, "ref": ColumnCheck.identifiers,
    "ref_list": ColumnCheck.identifiers, "enum": ColumnCheck.enumeration,
    "enum_list": ColumnCheck.enumeration, "boolean": ColumnCheck.boolean,
    "date": ColumnCheck.date, "datetime": ColumnCheck.datetime, "year": ColumnCheck.year,
    "integer": ColumnCheck.number, "float": ColumnCheck.number, "grades": ColumnCheck.grades,
    "userids": ColumnCheck.user_ids, "string": ColumnCheck.text,
}
