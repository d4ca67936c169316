"""A DataFrame's columns as the exact text a bundle holds, or a clear error saying why not.

Only text goes into a bundle, unchanged: a column of numbers, dates or booleans has already
lost what the file said (09 read as 9), and a missing value (NaN, None, pd.NA) has no text at
all. Both are refused with the file, column and row, rather than written as something else.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa

from rostereditor.core.errors import RosterEditorError
from rostereditor.core.table import Table
from rostereditor.core.wording import plural

_TEXT_ARROW_TYPES = (pa.types.is_string, pa.types.is_large_string, pa.types.is_string_view)


class FrameError(RosterEditorError, ValueError):
    """A DataFrame cannot become a bundle file exactly; the message says where and what to do."""


def frame_table(file: str, frame: pd.DataFrame) -> Table:
    """One bundle file from one DataFrame: its column names as the header, its rows in order."""
    if not isinstance(frame, pd.DataFrame):
        raise FrameError(f"{file}: expected a pandas DataFrame, got {type(frame).__name__}.")
    _check_labels(file, frame)
    header = [str(name) for name in frame.columns]
    columns = [_text_column(file, header[i], frame.iloc[:, i]) for i in range(len(header))]
    lines = np.arange(2, len(frame) + 2, dtype=np.int64)
    return Table(header, columns, lines)


def _check_labels(file: str, frame: pd.DataFrame) -> None:
    if isinstance(frame.columns, pd.MultiIndex):
        raise FrameError(f"{file}: the columns have several levels; a CSV header has one row. "
                         "Flatten them (e.g. df.columns = [...]) first.")
    names = [n for n in frame.index.names if n is not None]
    if names:
        raise FrameError(f"{file}: {', '.join(map(str, names))} is the DataFrame's index, so it "
                         "would not be written. Call reset_index() to make it a column again.")
    for name in frame.columns:
        if not isinstance(name, str):
            raise FrameError(f"{file}: column name {name!r} is not text. Give every column a "
                             "name, e.g. from the first row of the file (header=0).")


def _text_column(file: str, name: str, series: pd.Series) -> pa.ChunkedArray:
    where = f"{file} column {name}"
    dtype = series.dtype
    if not _is_text_dtype(dtype):
        raise FrameError(f"{where} holds {dtype} values, not text: written back they may differ "
                         "from the source (09 becomes 9, 2024-08-15 a timestamp). Read the source "
                         "as text, e.g. pd.read_csv(..., dtype='string', keep_default_na=False), "
                         "or convert deliberately with .astype('string').")
    missing = np.flatnonzero(series.isna().to_numpy())
    if len(missing):
        raise FrameError(f"{where} has {plural(len(missing), 'missing value')} (NaN, None or NA), the "
                         f"first in row {int(missing[0])}; a file cannot hold them. pandas turns "
                         "empty cells into NaN unless read with keep_default_na=False; if blank "
                         "is what you mean, use .fillna('').")
    is_object = _is_object(dtype)
    if is_object:
        _check_all_str(where, series)
    try:
        # Arrow-backed columns hand over their buffers (__arrow_array__); others are encoded.
        array = (pa.array(series.to_numpy(), pa.string()) if is_object
                 else pa.array(series.array))
    except (UnicodeEncodeError, pa.ArrowException) as exc:
        raise FrameError(f"{where} holds text that cannot be written as UTF-8 ({exc}).") from exc
    if isinstance(array, pa.Array):
        array = pa.chunked_array([array], type=array.type)
    return array if array.type == pa.string() else array.cast(pa.string())


def _is_text_dtype(dtype: object) -> bool:
    if isinstance(dtype, pd.StringDtype):
        return True
    if isinstance(dtype, pd.ArrowDtype):
        return any(check(dtype.pyarrow_dtype) for check in _TEXT_ARROW_TYPES)
    return _is_object(dtype)


def _is_object(dtype: object) -> bool:
    return isinstance(dtype, np.dtype) and dtype.kind == "O"


def _check_all_str(where: str, series: pd.Series) -> None:
    if pd.api.types.infer_dtype(series, skipna=False) in ("string", "empty"):
        return
    for row, value in enumerate(series.to_numpy()):
        if not isinstance(value, str):
            raise FrameError(f"{where}, row {row} holds {value!r} ({type(value).__name__}), not "
                             "text: written back it may differ from the source. Convert the "
                             "column deliberately, e.g. .astype('string').")
