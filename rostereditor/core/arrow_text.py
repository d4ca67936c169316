"""Arrow text scalars with their type given, for comparisons against a column.

pyarrow guesses the type of a bare Python value, and guessing tries to import dateutil on every
call (it is not in the app): `pc.equal(values, "")` paid that each time a row was re-checked.
"""

from __future__ import annotations

from functools import cache

import pyarrow as pa


@cache
def text(value: str) -> pa.Scalar:
    """The string scalar for `value`, made on first use (making one imports pyarrow's pandas
    support, which must not happen while the window is being imported)."""
    return pa.scalar(value, pa.string())

