"""Checks of each value against its column's type, vectorized over a whole column at a time."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from rostereditor.core.arrow_text import text
from rostereditor.core.spec.model import ColumnSpec
from rostereditor.core.validation import excel_damage_checks as excel
from rostereditor.core.validation import value_patterns as p
from rostereditor.core.validation.fast_patterns import has_line_break, is_guid
from rostereditor.core.validation.file_context import FileContext
from rostereditor.core.validation.finding import Severity
from rostereditor.core.validation.finding_batch import (
    Describe,
    FindingBatch,
    Place,
    batch_from_mask,
)
from rostereditor.core.validation.hidden_character_checks import RULE as HIDDEN_RULE
from rostereditor.core.validation.hidden_character_checks import hidden_characters
from rostereditor.core.validation.list_checks import list_items, strip_items

Mask = np.ndarray
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")


def _np(mask: pa.Array | pa.ChunkedArray) -> Mask:
    return np.asarray(mask.fill_null(False).to_numpy(zero_copy_only=False), dtype=bool)


def _match(values: pa.Array | pa.ChunkedArray, pattern: str) -> Mask:
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
        blank = _np(pc.equal(self.values, text("")))
        spec, name, ctx = self.spec, self.spec.name, self.ctx
        profile = ctx.profile
        if spec.mode_dependent:
            if ctx.mode == "bulk":
                # Never suggest delta to a vendor that takes bulk files only.
                other = "" if profile.bulk_only else f", or send {ctx.file} as a delta file"
                self.report("mode.bulk-filled", "error", ~blank, lambda v, _: (
                    f"{name} must be blank in a bulk file but has \"{v}\". Clear it{other}.",
                    ""))
                return self.batches
            self.report("mode.delta-blank", "error", blank, lambda v, _: (
                f"{name} must be filled in a delta file. Fill it in.", None))
        elif spec.required and (ctx.version, ctx.file, name) not in profile.optional_values:
            self.report("value.required", "error", blank, lambda v, _: (
                f"{name} is required but empty. Fill in a value.", None))
        elif (ctx.file, name) in profile.required_values:
            who = profile.who
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
        if not (~valid & self.open).any():
            excel.scientific_notation(self, valid)
            self.vendor_ids(valid)
            excel.lost_leading_zeros(self, valid)
            return
        hidden_characters(self, "error")
        excel.scientific_notation(self, valid)
        trimmed = pc.utf8_trim_whitespace(self.values)
        if as_list:
            trimmed = pc.replace_substring_regex(trimmed, r"\s*,\s*", ",")
        fixable = ~valid & _match(trimmed, p.GUID_LIST if as_list else p.GUID)
        self.report("value.whitespace", "error", fixable, lambda v, _: (
            f"{name} \"{v}\" has spaces around it, so it will not match. Remove them.",
            strip_items(v or "") if as_list else (v or "").strip()))
        if as_list:
            self.report("value.list", "error", ~valid & _match(self.values, p.EMPTY_ITEM),
                        lambda v, _: (f"{name} \"{v}\" has an empty item (a doubled or trailing "
                                      "comma). Remove the extra comma.", None))
        self.report("value.guid", "error", ~valid, lambda v, _: (
            f"{name} \"{v}\" is not a valid ID: use only letters, digits and . - _ / @ "
            "(fewer than 256 characters).", None))
        self.vendor_ids(valid)
        excel.lost_leading_zeros(self, valid)

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
        as_list = spec.kind == "enum_list"
        items = list_items(self) if as_list else self.values
        ignore_case = self.ctx.profile.values_case_insensitive
        valid = _match(items, p.one_of(spec.values, as_list=as_list, ignore_case=ignore_case,
                                       extensible=spec.extensible))
        lowered = {value.lower(): value for value in spec.values}
        allowed = ", ".join(spec.values)
        own = " (or your own value starting with ext:)" if spec.extensible else ""

        def describe(value: str | None, _: object) -> tuple[str, str | None]:
            text = value or ""
            if as_list:
                fixed = [lowered.get(i.strip().lower()) for i in text.split(",")]
                fix = ",".join(fixed) if all(fixed) else None  # type: ignore[arg-type]
            else:
                fix = lowered.get(text.strip().lower())
            if fix is not None:
                return (f"{name} \"{text}\" is not allowed (values are case-sensitive). "
                        f"Did you mean \"{fix}\"?", fix)
            return f"{name} \"{text}\" is not allowed. Use one of: {allowed}{own}.", None

        self.report("value.enum", "error", ~valid, describe)
        self._vendor_roles()
        self._vendor_org_types()

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

    def _vendor_org_types(self) -> None:
        types = self.ctx.profile.org_types
        if types is None or self.spec.name != "type" or self.ctx.file != "orgs.csv":
            return
        outside = ~_np(pc.is_in(self.values, value_set=pa.array(types, pa.string())))
        who = self.ctx.profile.who
        self.report("vendor.org-type", "error", outside, lambda v, _: (
            f"{who} accepts only the org types {', '.join(types)}; \"{v}\" is not supported. "
            "Change the type or leave the org out.", None))

    def boolean(self) -> None:
        name = self.spec.name
        ignore_case = self.ctx.profile.values_case_insensitive
        valid = _match(self.values, p.one_of(("true", "false"), ignore_case=ignore_case))
        excel.boolean_case(self, valid)
        self.report("value.boolean", "error", ~valid, lambda v, _: (
            f"{name} must be true or false, not \"{v}\".", None))

    def date(self) -> None:
        name = self.spec.name
        valid = _match(self.values, p.DATE)
        self._impossible_dates(valid, p.SHORT_MONTH_DAY + "$")
        excel.locale_dates(self, valid)
        self.report("value.date", "error", ~valid, lambda v, _: (
            f"{name} \"{v}\" is not a date written YYYY-MM-DD (e.g. 2024-08-15). Rewrite it.",
            None))

    def _impossible_dates(self, shaped: Mask, pattern: str) -> None:
        """Dates of the right shape on a day their month does not have (2010-02-30)."""
        suspects = shaped & self.open & _match(self.values, pattern)
        if not suspects.any():
            return
        bad = np.zeros(len(self.values), dtype=bool)
        for position in np.flatnonzero(suspects).tolist():
            text = self.values[position].as_py()
            if _calendar_day(text[:10]) is None:
                bad[position] = True
        name = self.spec.name

        def describe(value: str | None, _: object) -> tuple[str, str | None]:
            year, month, day = (int(part) for part in (value or "")[:10].split("-"))
            return (f"{name} \"{value}\" is not a real day: {_MONTHS[month - 1]} {year} has no "
                    f"day {day}. Check the date in the source system.", None)

        self.report("value.impossible-date", "error", bad, describe)

    def datetime(self) -> None:
        name = self.spec.name
        valid = _match(self.values, p.DATETIME)
        date_only = ~valid & _match(self.values, p.DATE)
        self._impossible_dates(valid | date_only, p.SHORT_MONTH_DAY + "(T|$)")
        if self.ctx.version == "1.0" or self.ctx.profile.date_only_datetimes:
            self.open &= ~date_only  # 1.0 and these vendors write dateLastModified YYYY-MM-DD
        self.report("value.datetime-no-time", "error", date_only, lambda v, _: (
            f"{name} \"{v}\" has a date but no time; OneRoster needs a date and time in UTC, "
            f"e.g. {v}T00:00:00Z.", None))
        local = valid & ~_match(self.values, p.DATETIME_UTC)
        self.report("value.datetime-utc", "error", local, lambda v, _: (
            f"{name} \"{v}\" is not in UTC; OneRoster needs UTC time written with Z"
            + (f", here \"{to_utc(v or '')}\"." if to_utc(v or "") else "."), to_utc(v or "")))
        excel.locale_dates(self, valid)
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
        items = list_items(self)
        vocabulary = profile.grades or self.spec.values
        if not vocabulary:
            excel.unpadded_grades(self)  # 1.2: the codes are the profile's to agree
            return
        valid = _match(items, p.one_of(vocabulary, as_list=True,
                                       ignore_case=profile.grades_case_insensitive))
        excel.grade_leading_zero(self, items, valid, vocabulary)
        rule = "vendor.grade" if profile.grades else "value.grade"
        who = profile.who
        codes = ", ".join(vocabulary)
        self.report(rule, "error", ~valid, lambda v, _: (
            f"{name} \"{v}\" is not a grade code {who} accepts. Use: {codes}.", None))

    def user_ids(self) -> None:
        name = self.spec.name
        items = list_items(self)
        self.report("value.user-ids", "error", ~_match(items, p.USER_IDS), lambda v, _: (
            f"{name} \"{v}\" must be written {{Type:Id}}, e.g. {{LDAP:jsmith}}; separate "
            "several with commas.", None))

    def score_scale(self) -> None:
        name = self.spec.name
        items = list_items(self)
        self.report("value.score-scale", "error", ~_match(items, p.SCORE_SCALE), lambda v, _: (
            f"{name} \"{v}\" must be written {{label:value}} with one colon, e.g. {{Pass:50}}; "
            "separate several with commas: \"{A:90},{B:80}\".", None))

    def string_list(self) -> None:
        self.text()
        list_items(self)

    def text(self) -> None:
        name, role = self.spec.name, self.spec.text_role
        self.report("value.line-break", "error", has_line_break(self.values), lambda v, _: (
            f"{name} contains a line break, which OneRoster forbids. Remove it.",
            re.sub(r"\s*[\r\n]+\s*", " ", v or "")), claim=False)
        if role in ("id", "username", "email"):
            hidden_characters(self, self.ctx.profile.severity(HIDDEN_RULE, "warning"))
            trimmed = pc.utf8_trim_whitespace(self.values)
            spaced = _np(pc.not_equal(trimmed, self.values))
            self.report("value.whitespace", "warning", spaced, lambda v, _: (
                f"{name} \"{v}\" has spaces before or after it, which break matching and "
                "sign-in. Remove them.", (v or "").strip()))
        if role == "id":
            # Free text: looking like Excel damage is a reason to check, not to refuse.
            excel.scientific_notation(self, None)
            excel.lost_leading_zeros(self, np.ones(len(self.values), dtype=bool))
        elif role == "email":
            self.report("value.email", "warning", ~_match(self.values, p.EMAIL), lambda v, _: (
                f"email \"{v}\" does not look like one email address (name@example.org).", None))
        elif role == "name":
            excel.replacement_character(self)


def _calendar_day(text: str) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        return None


def to_utc(text: str) -> str | None:
    """The same instant written in UTC with Z, keeping the precision written; None if unsure."""
    try:
        moment = datetime.datetime.fromisoformat(text)
    except ValueError:
        return None
    if moment.tzinfo is None:
        return None
    utc = moment.astimezone(datetime.UTC)
    time_part = text.split("T", 1)[1]
    seconds = re.match(r"\d{2}:\d{2}(:\d{2})?(\.\d+)?", time_part)
    if seconds is None:
        return None
    written = utc.strftime("%Y-%m-%dT%H:%M")
    if seconds.group(1):
        written += utc.strftime(":%S")
    if seconds.group(2):
        digits = len(seconds.group(2)) - 1
        written += "." + f"{utc.microsecond:06d}"[:digits].ljust(digits, "0")
    return written + "Z"


KIND_CHECKS: dict[str, Callable[[ColumnCheck], None]] = {
    "guid": ColumnCheck.identifiers, "ref": ColumnCheck.identifiers,
    "ref_list": ColumnCheck.identifiers, "enum": ColumnCheck.enumeration,
    "enum_list": ColumnCheck.enumeration, "boolean": ColumnCheck.boolean,
    "date": ColumnCheck.date, "datetime": ColumnCheck.datetime, "year": ColumnCheck.year,
    "integer": ColumnCheck.number, "float": ColumnCheck.number, "grades": ColumnCheck.grades,
    "userids": ColumnCheck.user_ids, "string": ColumnCheck.text,
    "string_list": ColumnCheck.string_list, "score_scale": ColumnCheck.score_scale,
}
