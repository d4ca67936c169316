"""Just enough TOML writing for recipes: strings, booleans, integers, string lists, string tables.

Python reads TOML with tomllib but has no writer; the recipe format needs only these value
types, so a few lines (checked against tomllib by a property test) beat a dependency.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r"}

Value = str | bool | int | Sequence[str]


def toml_string(text: str) -> str:
    """A TOML basic string: quotes and backslashes escaped, control characters as escapes."""
    out = []
    for ch in text:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04X}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def toml_key(key: str) -> str:
    return key if _BARE_KEY.fullmatch(key) else toml_string(key)


def toml_value(value: Value) -> str:
    if isinstance(value, bool):  # before int: bool is an int in Python
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return toml_string(value)
    return "[" + ", ".join(toml_string(item) for item in value) + "]"


def key_value_lines(values: Mapping[str, Value]) -> list[str]:
    return [f"{toml_key(key)} = {toml_value(value)}" for key, value in values.items()]


def table_lines(name: str, values: Mapping[str, str]) -> list[str]:
    """A sub-table such as [step.ids], one key = "value" per line."""
    return [f"[{name}]", *key_value_lines(values)]
