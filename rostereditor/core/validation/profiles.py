"""Looking up the shipped vendor profiles by name."""

from __future__ import annotations

from rostereditor.core.spec.vendor_profile import Profile
from rostereditor.core.spec.vendor_profiles import PROFILES

_BY_NAME = {p.name: p for p in PROFILES}


def list_profiles() -> list[Profile]:
    return list(PROFILES)


def get_profile(name: str) -> Profile:
    """The profile with this name; KeyError with the valid names otherwise."""
    try:
        return _BY_NAME[name]
    except KeyError:
        raise KeyError(f"No vendor profile named {name!r}. Known: {', '.join(_BY_NAME)}") from None
