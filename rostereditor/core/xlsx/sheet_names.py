"""Sheet names for exported files that Excel and our own import accept, and the way back to file names.

Excel refuses sheet names longer than 31 characters, names with []:*?/\\, names that start or
end with an apostrophe, the reserved name "History", and two names that differ only in case.
OneRoster file names become their stem (users.csv -> users), which the import maps back by
itself. Any other file name gets a valid sheet name, and the workbook records which file
each such sheet holds in a custom document property, so export then import gives back the
same file names whatever they were. Any workbook writer calls these; none builds names itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from urllib.parse import quote, unquote

from rostereditor.core.xlsx.workbook_layout import HELPER_SHEETS, MAX_SHEET_NAME, file_name_for

# Custom document property "RosterEditor file of sheet <sheet>" = "<file name>".
PROPERTY_PREFIX = "RosterEditor file of sheet "
# Characters a sheet name may not hold: Excel's []:*?/\ and what XML cannot carry.
_FORBIDDEN = re.compile("[\\[\\]:*?/\\\\\x00-\x1f\ud800-\udfff\ufffe\uffff]")
_RESERVED = {"history"}  # Excel keeps this name for its change-tracking sheet
# A recorded file name must be one CSV file's name: no folder part, nothing that points elsewhere.
_PLAIN_FILE = re.compile(r"^[^/\\\x00-\x1f]+\.csv$", re.IGNORECASE)


def export_sheet_names(file_names: Iterable[str]) -> dict[str, str]:
    """file name -> a sheet name Excel accepts, unique ignoring case, never a helper sheet's."""
    taken = {h.lower() for h in HELPER_SHEETS}
    names: dict[str, str] = {}
    for file_name in file_names:
        base = _valid_base(file_name)
        name, number = base, 1
        while name.lower() in taken or name.lower() in _RESERVED:
            number += 1
            suffix = f" ({number})"
            name = _trim(_cut(base, MAX_SHEET_NAME - len(suffix))) + suffix
        taken.add(name.lower())
        names[file_name] = name
    return names


def _valid_base(file_name: str) -> str:
    stem = file_name[:-4] if file_name.lower().endswith(".csv") else file_name
    return _trim(_cut(_FORBIDDEN.sub("_", stem), MAX_SHEET_NAME)) or "sheet"


def _cut(name: str, limit: int) -> str:
    """name cut to at most limit characters as Excel counts them (UTF-16 code units)."""
    while _excel_length(name) > limit:
        name = name[:-1]
    return name


def _excel_length(name: str) -> int:
    return len(name) + sum(1 for ch in name if ord(ch) > 0xFFFF)


def _trim(name: str) -> str:
    # Excel drops surrounding spaces and refuses surrounding apostrophes.
    return name.strip(" '")


def is_valid_sheet_name(name: str) -> bool:
    """Whether Excel accepts this as a sheet name (on its own; uniqueness is not checked)."""
    return (0 < _excel_length(name) <= MAX_SHEET_NAME and not _FORBIDDEN.search(name)
            and name == _trim(name) and name.lower() not in _RESERVED)


def sheet_file_properties(sheet_names: Mapping[str, str]) -> dict[str, str]:
    """The document properties to write: one per sheet whose file the import cannot infer.

    File names are stored percent-encoded (underscores too): plain ASCII, which every writer puts
    into the XML as it is, without the _xHHHH_ escapes some apply and others do not undo.
    """
    return {PROPERTY_PREFIX + sheet: quote(file_name, safe=" .-").replace("_", "%5F")
            for file_name, sheet in sheet_names.items() if file_name_for(sheet) != file_name}


def files_from_properties(properties: Mapping[str, object]) -> dict[str, str]:
    """sheet -> file name, from a workbook's custom document properties (untrusted input)."""
    found = {}
    for name, value in properties.items():
        if not name.startswith(PROPERTY_PREFIX) or not isinstance(value, str):
            continue
        file_name = unquote(value)
        if _PLAIN_FILE.match(file_name):
            found[name[len(PROPERTY_PREFIX):]] = file_name
    return found
