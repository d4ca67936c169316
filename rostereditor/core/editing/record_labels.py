"""Human labels for records, e.g. `usr-00123 — García, José (student, grade 09)`, and a lookup
that finds records by id or label, ignoring case and accents, by substring."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from rostereditor.core.arrow_text import text
from rostereditor.core.editing.reference_columns import ID_COLUMN
from rostereditor.core.table import Table

SEPARATOR = " — "


@dataclass(frozen=True)
class RecordChoice:
    record_id: str
    label: str


def fold(text: str) -> str:
    """Lower case without accents, the form both sides of a lookup are compared in."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


def label_array(file: str, table: Table) -> pa.Array:
    """One label per row (row order): the id, then what a person recognises the record by."""
    ids = _column(table, ID_COLUMN)
    name = _describe(file, table)
    if name is None:
        return ids
    return pc.if_else(pc.equal(name, text("")), ids, pc.binary_join_element_wise(ids, name, SEPARATOR))


class RecordLookup:
    """Searches one file's records; build once per table version (it folds every label)."""

    def __init__(self, file: str, table: Table) -> None:
        self.file = file
        self.version = table.version
        self._ids = _column(table, ID_COLUMN)
        self._labels = label_array(file, table)
        folded = pc.replace_substring_regex(
            pc.utf8_normalize(self._labels, "NFKD"), pattern=r"\p{Mn}", replacement=""
        )
        self._folded = pc.utf8_lower(folded)

    def search(self, text: str, limit: int = 50) -> list[RecordChoice]:
        """Records whose id or label contains `text`; an exact id comes first, then file order."""
        query = fold(text.strip())
        if not query:
            rows = np.arange(min(limit, len(self._ids)))
        else:
            mask = pc.fill_null(pc.match_substring(self._folded, query), False)
            rows = np.flatnonzero(mask.to_numpy(zero_copy_only=False))
            exact = np.flatnonzero(
                pc.fill_null(pc.equal(self._ids, text.strip()), False).to_numpy(
                    zero_copy_only=False
                )
            )
            rows = np.concatenate([exact, rows[~np.isin(rows, exact)]])[:limit]
        return [self._choice(int(r)) for r in rows]

    def label_of(self, record_id: str) -> str | None:
        mask = pc.fill_null(pc.equal(self._ids, record_id), False)
        rows = np.flatnonzero(mask.to_numpy(zero_copy_only=False))
        return self._labels[int(rows[0])].as_py() if len(rows) else None

    def _choice(self, row: int) -> RecordChoice:
        return RecordChoice(self._ids[row].as_py(), self._labels[row].as_py())


def _describe(file: str, table: Table) -> pa.Array | None:
    if file == "users.csv":
        person = _joined(_column(table, "familyName"), _column(table, "givenName"), ", ")
        details = _joined(
            _column(table, "role"), _prefixed("grade ", _column(table, "grades")), ", "
        )
        return _joined(person, _wrapped(details), " ")
    if file in ("classes.csv", "courses.csv"):
        code = _column(table, "classCode" if file == "classes.csv" else "courseCode")
        return _joined(_column(table, "title"), _wrapped(code), " ")
    if file == "orgs.csv":
        return _joined(_column(table, "name"), _wrapped(_column(table, "type")), " ")
    if file == "academicSessions.csv":
        return _joined(_column(table, "title"), _wrapped(_column(table, "type")), " ")
    for name in ("title", "name"):
        if table.column_index(name) is not None:
            return _column(table, name)
    return None


def _column(table: Table, name: str) -> pa.Array:
    col = table.column_index(name)
    if col is None:
        return pa.array([""] * len(table), type=pa.string())
    return pc.fill_null(table.column_array(col), "")


def _joined(left: pa.Array, right: pa.Array, between: str) -> pa.Array:
    """left + between + right, or just the non-empty one."""
    both = pc.binary_join_element_wise(left, right, between)
    return pc.if_else(pc.equal(left, text("")), right, pc.if_else(pc.equal(right, text("")), left, both))


def _wrapped(values: pa.Array) -> pa.Array:
    return pc.if_else(
        pc.equal(values, text("")), values, pc.binary_join_element_wise("(", values, ")", "")
    )


def _prefixed(prefix: str, values: pa.Array) -> pa.Array:
    return pc.if_else(pc.equal(values, text("")), values, pc.binary_join_element_wise(prefix, values, ""))
