"""How each vendor's error reports are read (columns, line numbering, file), kept between runs.

Stored as one JSON value in the application's settings: vendor name -> its choices, and each
report layout (its header) -> the vendor last used with it, so the next report of the same
shape is read the same way without asking.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from PySide6.QtCore import QSettings

from rostereditor.core.vendor_report.column_roles import normalize
from rostereditor.core.vendor_report.report_reading import ReportChoices

_KEY = "vendor_reports/choices"


def layout_of(header: Sequence[str]) -> str:
    """A report layout's name for memory: its header names, normalised."""
    return "|".join(normalize(h) for h in header)


class ReportMemory:
    """Reads and writes the remembered choices (INI settings, like the window's)."""

    def __init__(self) -> None:
        self._settings = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                                   "RosterEditor", "RosterEditor")

    def _load(self) -> dict[str, object]:
        try:
            data = json.loads(str(self._settings.value(_KEY, "") or "{}"))
        except ValueError:
            return {}  # a hand-edited settings file: start afresh rather than fail
        return data if isinstance(data, dict) else {}

    def vendors(self) -> list[str]:
        vendors = self._load().get("vendors")
        return sorted(str(v) for v in vendors) if isinstance(vendors, dict) else []

    def vendor_for(self, header: Sequence[str]) -> str | None:
        layouts = self._load().get("layouts", {})
        found = layouts.get(layout_of(header)) if isinstance(layouts, dict) else None
        return found if isinstance(found, str) else None

    @property
    def last_vendor(self) -> str | None:
        found = self._load().get("last_vendor")
        return found if isinstance(found, str) else None

    def choices(self, vendor: str) -> ReportChoices | None:
        vendors = self._load().get("vendors", {})
        entry = vendors.get(vendor) if isinstance(vendors, dict) else None
        if not isinstance(entry, dict):
            return None
        columns = entry.get("columns", {})
        offset = entry.get("line_offset", 0)
        default_file = entry.get("default_file")
        return ReportChoices(
            {str(k): str(v) for k, v in columns.items()} if isinstance(columns, dict) else {},
            offset if isinstance(offset, int) else 0,
            default_file if isinstance(default_file, str) and default_file else None)

    def remember(self, vendor: str, header: Sequence[str], choices: ReportChoices) -> None:
        data = self._load()
        vendors = data.get("vendors")
        layouts = data.get("layouts")
        vendors = dict(vendors) if isinstance(vendors, dict) else {}
        layouts = dict(layouts) if isinstance(layouts, dict) else {}
        vendors[vendor] = {"columns": dict(choices.columns), "line_offset": choices.line_offset,
                           "default_file": choices.default_file or ""}
        layouts[layout_of(header)] = vendor
        data.update(vendors=vendors, layouts=layouts, last_vendor=vendor)
        self._settings.setValue(_KEY, json.dumps(data, ensure_ascii=False, sort_keys=True))
