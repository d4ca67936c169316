"""A new DataFrame laid out as a OneRoster file: every column of the spec, in the spec's order."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TypeAlias

import pandas as pd

from rostereditor.core.spec import spec_for
from rostereditor.dataframes.frame_text import FrameError

_TEXT = pd.StringDtype("pyarrow")
ColumnValues: TypeAlias = str | Sequence[str] | pd.Series


def new_frame(file: str, columns: Mapping[str, ColumnValues], *, version: str = "1.1") -> pd.DataFrame:
    """The file's columns in the spec's order, filled from `columns`, every other one "".

    A value is a Series or a list (one value per record, by position) or one text for every
    record. Names the spec does not define are refused, except metadata.* extensions, which go
    at the end, as OneRoster wants them.
    """
    spec = spec_for(version).file(file)
    if spec is None:
        raise FrameError(f"OneRoster {version} has no {file}.")
    unknown = [n for n in columns if n not in spec.column_names and not n.startswith("metadata.")]
    if unknown:
        raise FrameError(f"{file} in OneRoster {version} has no column {', '.join(unknown)} "
                         f"(it has {', '.join(spec.column_names)}; your own columns are named "
                         "metadata.something).")
    lengths = {len(v) for v in columns.values() if not isinstance(v, str)}
    if len(lengths) > 1:
        raise FrameError(f"{file}: the columns given have different lengths ({sorted(lengths)}).")
    count = lengths.pop() if lengths else 1
    names = [*spec.column_names, *(n for n in columns if n not in spec.column_names)]
    return pd.DataFrame({name: _values(columns.get(name, ""), count) for name in names})


def _values(value: ColumnValues, count: int) -> pd.Series:
    if isinstance(value, str):
        return pd.Series([value] * count, dtype=_TEXT)
    if isinstance(value, pd.Series):
        return value.reset_index(drop=True).astype(_TEXT)
    return pd.Series(list(value), dtype=_TEXT)
