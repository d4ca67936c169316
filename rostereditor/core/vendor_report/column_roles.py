"""Recognise an error report's columns by their header names, and say when unsure."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

Role = Literal["file", "line", "field", "sourced_id", "message", "severity", "value"]
ROLES: tuple[Role, ...] = ("file", "line", "field", "sourced_id", "message", "severity", "value")

# What each role is called in reports, as normalised header names (lower case, letters and
# digits only). Exact matches are trusted; a header merely containing one is a guess.
_NAMES: dict[Role, tuple[str, ...]] = {
    "file": ("file", "filename", "csvfile", "sourcefile", "datafile", "csv", "entity",
             "entitytype", "object", "objecttype", "recordtype", "table", "filetype"),
    "line": ("line", "linenumber", "lineno", "linenum", "row", "rownumber", "rowno", "rownum",
             "rowindex", "csvline", "csvrow", "record", "recordnumber", "recordline",
             "excelrow"),
    "field": ("field", "fieldname", "column", "columnname", "columnheader", "header",
              "attribute", "property", "propertyname"),
    "sourced_id": ("sourcedid", "sourceid", "recordid", "recordsourcedid", "id", "sisid",
                   "entityid", "objectid", "entitysourcedid", "usersourcedid"),
    "message": ("message", "error", "errors", "errormessage", "errordescription",
                "description", "reason", "details", "detail", "problem", "issue",
                "errortext", "validationerror", "validationmessage", "alert", "alertmessage"),
    "severity": ("severity", "level", "errorlevel", "alertlevel", "errortype", "alerttype",
                 "messagetype", "kind"),
    "value": ("value", "fieldvalue", "invalidvalue", "badvalue", "providedvalue",
              "currentvalue", "dataerror", "dataerrorvalue", "datainerror", "submittedvalue"),
}
# Words that, inside a longer header, suggest a role ("Error Message Detail" -> message).
_HINTS: dict[Role, tuple[str, ...]] = {
    "file": ("file",), "line": ("line", "row"), "field": ("field", "column"),
    "sourced_id": ("sourcedid",), "message": ("message", "error", "description"),
    "severity": ("severity",), "value": ("value",),
}
_WORDS: dict[Role, str] = {
    "file": "file name", "line": "line or row number", "field": "field or column",
    "sourced_id": "sourcedId", "message": "message", "severity": "severity", "value": "value",
}


def normalize(header: str) -> str:
    return re.sub(r"[^0-9a-z]", "", header.lower())


@dataclass(frozen=True)
class ColumnMapping:
    """Which report column holds what (role -> column index), and any doubts in plain words.

    A mapping with doubts still works as far as it goes; a window should show the doubts and
    let the user correct it (with_choice) before trusting the result.
    """

    header: tuple[str, ...]
    columns: Mapping[Role, int]
    doubts: tuple[str, ...] = ()

    @property
    def sure(self) -> bool:
        return not self.doubts

    def column_of(self, role: Role) -> int | None:
        return self.columns.get(role)

    def choices(self) -> dict[str, str]:
        """role -> header name, to remember a vendor's layout between reports (settings)."""
        return {role: self.header[index] for role, index in self.columns.items()}

    def with_choices(self, choices: Mapping[str, str]) -> ColumnMapping:
        """The mapping with remembered choices applied where this report has those headers."""
        mapping = self
        for role, name in choices.items():
            if role in ROLES and name in self.header:
                mapping = mapping.with_choice(role, name)
        return mapping

    def with_choice(self, role: Role, header_name: str | None) -> ColumnMapping:
        """The mapping with `role` read from the column named `header_name` (None: no column)."""
        columns = dict(self.columns)
        if header_name is None:
            columns.pop(role, None)
        else:
            columns[role] = self.header.index(header_name)
        return ColumnMapping(self.header, columns, tuple(_missing_doubts(columns)))


def recognise_columns(header: Sequence[str]) -> ColumnMapping:
    """Map the report's header onto roles by name: exact names first, then likely ones."""
    names = [normalize(h) for h in header]
    columns: dict[Role, int] = {}
    doubts: list[str] = []
    for role in ROLES:
        exact = [i for i, n in enumerate(names) if n in _NAMES[role] and i not in columns.values()]
        if exact:
            columns[role] = exact[0]
            if len(exact) > 1:
                doubts.append(f"Both \"{header[exact[0]]}\" and \"{header[exact[1]]}\" could be "
                              f"the {_WORDS[role]}; \"{header[exact[0]]}\" was used.")
    for role in ROLES:
        if role in columns:
            continue
        likely = [i for i, n in enumerate(names) if i not in columns.values()
                  and any(h in n for h in _HINTS[role])]
        if likely:
            columns[role] = likely[0]
            doubts.append(f"\"{header[likely[0]]}\" was taken as the {_WORDS[role]}; check it.")
    doubts.extend(_missing_doubts(columns))
    return ColumnMapping(tuple(header), columns, tuple(doubts))


def header_score(row: Sequence[str]) -> int:
    """How many cells of a row are names of report columns (to find the header row)."""
    return sum(1 for cell in row if any(normalize(cell) in names for names in _NAMES.values()))


def _missing_doubts(columns: Mapping[Role, int]) -> list[str]:
    doubts = []
    if "message" not in columns:
        doubts.append("No column looks like the error message; choose it.")
    if "line" not in columns and "sourced_id" not in columns:
        doubts.append("No column gives a line number or a sourcedId, so problems cannot be "
                      "placed on records; choose the column that does.")
    return doubts
