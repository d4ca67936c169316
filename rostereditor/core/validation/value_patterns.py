"""Regular expressions for the value types, used by vectorized checks over whole columns."""

from __future__ import annotations

import re
from collections.abc import Iterable

GUID_CHARS = r"A-Za-z0-9._\-/@"
# The same characters spelled out, for byte scans that stand in for GUID.
GUID_CHARACTERS = ("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-/@")
GUID_MAX_LENGTH = 255
GUID = rf"^[{GUID_CHARS}]{{1,255}}$"
GUID_LIST = rf"^[{GUID_CHARS}]{{1,255}}(,[{GUID_CHARS}]{{1,255}})*$"
DATE = r"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"
DATETIME = (r"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]"
            r"(:[0-5][0-9](\.[0-9]+)?)?(Z|[+-][0-9]{2}:?[0-9]{2})$")
YEAR = r"^[0-9]{4}$"
INTEGER = r"^-?[0-9]+$"
FLOAT = r"^-?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][-+]?[0-9]+)?$"
USER_IDS = r"^\{[^:{}]+:[^{}]+\}(,\{[^:{}]+:[^{}]+\})*$"
EMAIL = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"
SCIENTIFIC = r"^[0-9](\.[0-9]+)?[eE]\+?[0-9]+$"
LOCALE_DATE = r"^[0-9]{1,2}[/.-][0-9]{1,2}[/.-]([0-9]{4}|[0-9]{2})$"
LINE_BREAK = r"[\r\n]"
REPLACEMENT = "[_\ufffd]"


def one_of(values: Iterable[str], *, as_list: bool = False, ignore_case: bool = False) -> str:
    """A full-match regex for one value (or a comma-separated list) of the given values."""
    item = "(" + "|".join(re.escape(v) for v in values) + ")"
    body = f"{item}(,{item})*" if as_list else item
    return ("(?i)" if ignore_case else "") + f"^{body}$"


def id_pattern(pattern: str, *, as_list: bool = False) -> str:
    """A vendor's ID pattern (full-match regex) for one ID or a comma-separated list of IDs."""
    body = f"({pattern})(,({pattern}))*" if as_list else f"({pattern})"
    return f"^{body}$"
