"""A bundle file as a DataFrame of pandas' Arrow-backed string dtype, sharing the text buffers."""

from __future__ import annotations

import warnings

import pandas as pd
import pyarrow as pa

from rostereditor.core.table import Table
from rostereditor.core.wording import agree, plural


class RaggedRecordsWarning(UserWarning):
    """Some records of a file have more or fewer values than its header."""


def table_frame(file: str, table: Table) -> pd.DataFrame:
    """Every column as dtype "string" (pyarrow storage): exact text, no NaN, "" for blank.

    pandas keeps the Arrow data buffer as it is (it widens only the offsets), so a large file
    is not copied into Python strings.
    """
    _warn_if_ragged(file, table)
    columns = {}
    for index in range(table.column_count):
        array = table.column_array(index)
        chunked = array if isinstance(array, pa.ChunkedArray) else pa.chunked_array([array])
        columns[index] = pd.Series(pd.arrays.ArrowStringArray(chunked), copy=False)
    frame = pd.DataFrame(columns, copy=False)
    frame.columns = pd.Index(table.header, dtype=object)  # duplicate names are kept as read
    return frame


def _warn_if_ragged(file: str, table: Table) -> None:
    if not table.has_ragged_rows():
        return
    rows = table.ragged_rows()
    width = len(table.header)
    longer = [r for r in rows if table.field_count(r) > width]
    first = table.source_line(rows[0])
    message = (f"{file}: {plural(len(rows), 'record')} {agree(len(rows), 'does', 'do')} not "
               f"have {width} values like the header "
               f"(first at line {first}). Missing values read as ''.")
    if longer:
        message += (f" Values past the last column ({plural(len(longer), 'record')}) are not in the "
                    "DataFrame; open the bundle in RosterEditor to see them.")
    warnings.warn(message, RaggedRecordsWarning, stacklevel=3)
