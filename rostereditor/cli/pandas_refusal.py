"""Keep pandas out of the window's and the commands' process, as it is out of the packaged app.

pyarrow imports pandas, when it is installed, on its first compute call (only to ask whether
an argument is a Series). Nothing here uses pandas, yet with `rostereditor[pandas]` installed
that import would land in the middle of opening a bundle: ~0.5 s and ~100 MB for nothing.
pyarrow works without pandas, as the frozen app (which leaves it out) shows.
"""

from __future__ import annotations

import contextlib
import importlib.abc
import sys
from collections.abc import Iterator, Sequence
from importlib.machinery import ModuleSpec
from types import ModuleType


class RefusePandas(importlib.abc.MetaPathFinder):
    """Answers every pandas import with "not installed", exactly as the frozen app does."""

    def find_spec(self, fullname: str, path: Sequence[str] | None = None,
                  target: ModuleType | None = None) -> ModuleSpec | None:
        if fullname == "pandas" or fullname.startswith("pandas."):
            raise ModuleNotFoundError(f"No module named {fullname!r}", name=fullname)
        return None


@contextlib.contextmanager
def pandas_refused() -> Iterator[None]:
    """While inside, importing pandas fails (unless it is already imported).

    A context rather than for good, so a caller that runs a command in its own process (a
    test, a script calling main()) can import pandas again afterwards.
    """
    finder = RefusePandas()
    sys.meta_path.insert(0, finder)
    try:
        yield
    finally:
        sys.meta_path.remove(finder)
