"""The OneRoster specification (1.0, 1.1, 1.2) and vendor profiles, as data for validation and UI."""

from __future__ import annotations

from rostereditor.core.spec import oneroster_1_0, oneroster_1_1, oneroster_1_2
from rostereditor.core.spec.model import ColumnSpec, FileSpec, OneRosterSpec, TargetType

__all__ = ["ColumnSpec", "FileSpec", "OneRosterSpec", "TargetType", "spec_for"]

_SPECS: dict[str, OneRosterSpec] = {
    m.SPEC.version: m.SPEC for m in (oneroster_1_0, oneroster_1_1, oneroster_1_2)
}


def spec_for(version: str) -> OneRosterSpec:
    """The spec of one OneRoster version ("1.0", "1.1" or "1.2"); raises KeyError otherwise."""
    if version not in _SPECS:
        raise KeyError(f"OneRoster {version} is not supported (use 1.0, 1.1 or 1.2)")
    return _SPECS[version]
