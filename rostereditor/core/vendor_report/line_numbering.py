"""How a vendor's report counts lines, and how to turn its numbers into ours (header = line 1)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LineNumbering:
    """What to add to a reported number to get the file's line number as we show it.

    Our line numbers count the header as line 1, so the first record is line 2 (what a
    spreadsheet shows as row 2). A report that counts records from 1 without the header
    (FastBridge tells users to "add 1 to the row number") needs offset 1.
    """

    offset: int = 0

    @classmethod
    def counting(cls, *, header_counted: bool, first: int) -> LineNumbering:
        """From the two questions a user can answer: is the header counted, start at 0 or 1?"""
        if first not in (0, 1):
            raise ValueError("counting starts at 0 or 1")
        return cls((1 - first) + (0 if header_counted else 1))

    def line(self, reported: int) -> int:
        return reported + self.offset

    def describe(self) -> str:
        if self.offset == 0:
            return "the report's numbers are the file's line numbers (header = line 1)"
        return f"{self.offset} is added to each of the report's line numbers"
