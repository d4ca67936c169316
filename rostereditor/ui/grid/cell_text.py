"""How a cell's exact text is shown: edge spaces and line breaks made visible, nothing else."""

from __future__ import annotations

# A visible stand-in for spaces at either end of a value (U+2423 OPEN BOX), so " 09" and
# "09" never look alike. Only the display changes; editing and saving use the exact text.
SPACE_MARK = "\u2423"
NEWLINE_MARK = "\u23ce"


def display_text(value: str) -> str:
    """The value as shown in a cell: exact, except edge spaces and line breaks are made visible."""
    if "\n" in value or "\r" in value:
        value = value.replace("\r\n", NEWLINE_MARK).replace("\n", NEWLINE_MARK)
        value = value.replace("\r", NEWLINE_MARK)
    if value[:1] == " " or value[-1:] == " ":
        stripped = value.strip(" ")
        if not stripped:
            return SPACE_MARK * len(value)
        lead = len(value) - len(value.lstrip(" "))
        trail = len(value) - len(value.rstrip(" "))
        return SPACE_MARK * lead + stripped + SPACE_MARK * trail
    return value


def whitespace_note(value: str) -> str | None:
    """A sentence about edge spaces, for the cell's tooltip; None when there are none."""
    if value[:1] == " " and value[-1:] == " ":
        return f"This value starts and ends with spaces (shown as {SPACE_MARK})."
    if value[:1] == " ":
        return f"This value starts with a space (shown as {SPACE_MARK})."
    if value[-1:] == " ":
        return f"This value ends with a space (shown as {SPACE_MARK})."
    return None
