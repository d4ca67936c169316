"""Render a number as the text Excel shows for it under a cell's number format (`00000` -> `00123`).

Covers the formats roster workbooks use: General, Text, zero-padded codes, fixed decimals,
thousands separators, percentages, scientific notation, and literal text around them.
Anything else (fractions, conditions) is rendered as General and reported as not understood.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

# Excel keeps 15 significant digits; anything longer was rounded when it was typed or opened.
EXCEL_DIGITS = 15
_PLACEHOLDERS = "0#?"


@dataclass(frozen=True)
class NumberText:
    text: str
    format_understood: bool


def general_text(value: float) -> str:
    """Excel's General rendering, with whole numbers written out in full (no E+ notation)."""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int) and abs(value) < 10**EXCEL_DIGITS:
        return str(value)
    number = Decimal(format(value, f".{EXCEL_DIGITS}g"))
    if number == number.to_integral_value() and abs(number) < Decimal(10) ** 21:
        return str(int(number))
    text = format(value, f".{EXCEL_DIGITS}g")
    if "e" in text:
        mantissa, exponent = text.split("e")
        sign = "-" if exponent.startswith("-") else "+"
        return f"{mantissa}E{sign}{abs(int(exponent)):02d}"
    return text


def has_lost_digits(value: float) -> bool:
    """Whether the number has more digits than Excel can keep, so its tail was set to zeros."""
    return bool(abs(value) >= 10**EXCEL_DIGITS)


def render_number(value: float, number_format: str) -> NumberText:
    """The text Excel displays for value in a cell with this number format."""
    fmt = (number_format or "General").strip()
    if fmt in ("General", "@", ""):
        return NumberText(general_text(value), True)
    sections = _split_sections(fmt)
    if value < 0 and len(sections) > 1:
        section, number, sign = sections[1], -value, ""
    elif value == 0 and len(sections) > 2:
        section, number, sign = sections[2], value, ""
    else:
        section, number, sign = sections[0], abs(value), "-" if value < 0 else ""
    tokens = _tokenize(section)
    if tokens is None:
        return NumberText(general_text(value), False)
    rendered = _render_tokens(tokens, number)
    if rendered is None:
        return NumberText(general_text(value), False)
    return NumberText(sign + rendered, True)


def _split_sections(fmt: str) -> list[str]:
    sections, current, quoted, i = [], [], False, 0
    while i < len(fmt):
        ch = fmt[i]
        if ch == '"':
            quoted = not quoted
        elif ch == "\\" and not quoted and i + 1 < len(fmt):
            current.append(fmt[i : i + 2])
            i += 2
            continue
        elif ch == ";" and not quoted:
            sections.append("".join(current))
            current = []
            i += 1
            continue
        current.append(ch)
        i += 1
    sections.append("".join(current))
    return sections


def _tokenize(section: str) -> list[tuple[str, str]] | None:
    """('lit', text) and ('num', placeholder characters); None when the format is unsupported."""
    tokens: list[tuple[str, str]] = []
    i = 0
    while i < len(section):
        ch = section[i]
        if ch == '"':
            end = section.find('"', i + 1)
            end = len(section) if end < 0 else end
            tokens.append(("lit", section[i + 1 : end]))
            i = end + 1
        elif ch == "\\" and i + 1 < len(section):
            tokens.append(("lit", section[i + 1]))
            i += 2
        elif ch == "[":
            end = section.find("]", i)
            inner = section[i + 1 : end] if end > 0 else ""
            # Colours and locale tags change nothing in the text; conditions do.
            if inner[:1] in "<>=":
                return None
            if inner.startswith("$"):
                tokens.append(("lit", inner[1:].split("-")[0]))
            i = (end if end > 0 else len(section)) + 1
        elif ch == "_" and i + 1 < len(section):
            tokens.append(("lit", " "))
            i += 2
        elif ch == "*" and i + 1 < len(section):
            i += 2
        elif ch in _PLACEHOLDERS or ch in ".,%":
            tokens.append(("num", ch))
            i += 1
        elif ch in "Ee" and section[i + 1 : i + 2] in ("+", "-"):
            tokens.append(("num", section[i : i + 2].upper()))
            i += 2
        elif ch == "/" or ch.isalpha():
            return None  # fractions, or date parts in a format openpyxl did not see as a date
        else:
            tokens.append(("lit", ch))
            i += 1
    return tokens


def _render_tokens(tokens: list[tuple[str, str]], number: float) -> str | None:
    num_positions = [i for i, (kind, _) in enumerate(tokens) if kind == "num" and _ != "%"]
    if not num_positions:
        return "".join(t for _, t in tokens)
    first, last = num_positions[0], num_positions[-1]
    pattern = "".join(t for k, t in tokens[first : last + 1] if k == "num" and t != "%")
    # Literals inside the numeric part (e.g. "000-000") are kept in place by position.
    inner_literals = [(i, t) for i, (k, t) in enumerate(tokens[first : last + 1]) if k == "lit"]
    percent = sum(1 for k, t in tokens if k == "num" and t == "%")
    value = Decimal(repr(float(number))) if isinstance(number, float) else Decimal(number)
    value *= Decimal(100) ** percent
    if "E+" in pattern or "E-" in pattern:
        body = _scientific(value, pattern)
    else:
        if inner_literals:
            return _digits_with_literals(value, tokens[first : last + 1])
        body = _fixed(value, pattern)
    prefix = "".join(t if k == "lit" else "" for k, t in tokens[:first])
    suffix = "".join(t for _, t in tokens[last + 1 :])
    return prefix + body + suffix


def _fixed(value: Decimal, pattern: str) -> str:
    int_pat, _, frac_pat = pattern.partition(".")
    scale = len(int_pat) - len(int_pat.rstrip(","))  # trailing commas divide by 1000 each
    int_pat = int_pat.rstrip(",")
    value /= Decimal(1000) ** scale
    grouping = "," in int_pat
    int_pat = int_pat.replace(",", "")
    frac_pat = frac_pat.replace(",", "")
    rounded = value.quantize(Decimal(1).scaleb(-len(frac_pat)), rounding=ROUND_HALF_UP)
    int_part, _, frac_part = f"{rounded:f}".partition(".")
    int_part = int_part.lstrip("0")
    min_int = int_pat.count("0")
    int_part = int_part.rjust(min_int, "0")
    if grouping and int_part:
        int_part = f"{int(int_part):,}".rjust(min_int, "0")
    int_part = " " * int_pat.count("?") + int_part if not int_part and "?" in int_pat else int_part
    frac_part = frac_part.ljust(len(frac_pat), "0")
    keep = len(frac_pat.rstrip("#?"))
    frac_part = frac_part[:keep] + frac_part[keep:].rstrip("0")
    return int_part + ("." + frac_part if frac_pat and (frac_part or "." in pattern) else "")


def _scientific(value: Decimal, pattern: str) -> str:
    mantissa_pat, _, exp_pat = pattern.replace("E-", "E+").partition("E+")
    _, _, frac_pat = mantissa_pat.partition(".")
    exponent = 0 if value == 0 else value.adjusted()
    mantissa = value.scaleb(-exponent).quantize(
        Decimal(1).scaleb(-len(frac_pat)), rounding=ROUND_HALF_UP
    )
    if abs(mantissa) >= 10:
        exponent += 1
        mantissa = (mantissa / 10).quantize(Decimal(1).scaleb(-len(frac_pat)), ROUND_HALF_UP)
    sign = "-" if exponent < 0 else ("+" if "E+" in pattern else "")
    digits = str(abs(exponent)).rjust(len(exp_pat), "0")
    return f"{mantissa:f}E{sign}{digits}"


def _digits_with_literals(value: Decimal, tokens: list[tuple[str, str]]) -> str | None:
    """Formats like 000-00-0000: digits fill the placeholders right to left."""
    if any(t in ".," for k, t in tokens if k == "num"):
        return None
    digits = str(int(value.to_integral_value(rounding=ROUND_HALF_UP)))
    slots = sum(1 for k, _ in tokens if k == "num")
    digits = digits.rjust(slots, "0")
    overflow, digits = digits[: len(digits) - slots], digits[len(digits) - slots :]
    out, pos = [overflow], 0
    for kind, text in tokens:
        if kind == "lit":
            out.append(text)
        else:
            out.append(digits[pos])
            pos += 1
    return "".join(out)
