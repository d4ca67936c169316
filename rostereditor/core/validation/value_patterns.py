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
# Days the DATE shape allows that some months (or years) do not have: 02-29..31, 04-31, ...
SHORT_MONTH_DAY = r"-(02-(29|30|31)|(04|06|09|11)-31)"
# W3C profile of ISO 8601: time with optional seconds and fraction, then a zone designator.
DATETIME = (r"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]"
            r"(:[0-5][0-9](\.[0-9]+)?)?(Z|[+-][0-9]{2}:?[0-9]{2})$")
DATETIME_UTC = r"Z$"
YEAR = r"^[0-9]{4}$"
INTEGER = r"^-?[0-9]+$"
FLOAT = r"^-?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][-+]?[0-9]+)?$"
USER_IDS = r"^\{[^:{}]+:[^{}]+\}(,\{[^:{}]+:[^{}]+\})*$"
# scoreScaleValue: {lhs:rhs} items, e.g. {Pass:50} or "{A+:100},{A:94}" (one colon each).
SCORE_SCALE = r"^\{[^{}:,]+:[^{}:,]+\}(,\{[^{}:,]+:[^{}:,]+\})*$"
# A CASE learning objective id must be a UUID URN (RFC 4122: hex digits in either case).
UUID_URN = (r"(?i)^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
EMAIL = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"
SCIENTIFIC = r"^[0-9](\.[0-9]+)?[eE]\+?[0-9]+$"
LOCALE_DATE = r"^[0-9]{1,2}[/.-][0-9]{1,2}[/.-]([0-9]{4}|[0-9]{2})$"
LINE_BREAK = r"[\r\n]"
REPLACEMENT = "[_\ufffd]"
# List cells: an empty item (doubled, leading or trailing comma), and spaces around a comma.
EMPTY_ITEM = r"(^,|,,|,$)"
SPACED_ITEM = r"(\s,|,\s|^\s|\s$)"
# Characters nobody sees: zero-width ones, no-break spaces, the soft hyphen, a stray BOM.
INVISIBLE_CHARACTERS = "\u200b\u200c\u200d\u2060\ufeff\u00a0\u202f\u2007\u00ad"
CURLY_QUOTES = "\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f"
HIDDEN = f"[{INVISIBLE_CHARACTERS}{CURLY_QUOTES}]"


def one_of(values: Iterable[str], *, as_list: bool = False, ignore_case: bool = False,
           extensible: bool = False) -> str:
    """A full-match regex for one value (or a comma-separated list) of the given values.

    extensible: also accept proprietary terms written ext:something (OneRoster 1.2).
    """
    alternatives = [re.escape(v) for v in values]
    if extensible:
        alternatives.append(r"ext:[^,]+" if as_list else r"ext:.+")
    item = "(" + "|".join(alternatives) + ")" if alternatives else "(?!)"
    body = f"{item}(,{item})*" if as_list else item
    return ("(?i)" if ignore_case else "") + f"^{body}$"


def id_pattern(pattern: str, *, as_list: bool = False) -> str:
    """A vendor's ID pattern (full-match regex) for one ID or a comma-separated list of IDs."""
    body = f"({pattern})(,({pattern}))*" if as_list else f"({pattern})"
    return f"^{body}$"
