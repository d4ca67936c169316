"""Keep pandas out of the editor's process, as it is out of the packaged app (build.spec)."""

from __future__ import annotations

import importlib.abc
import sys
from collections.abc import Sequence
from importlib.machinery import ModuleSpec
from types import ModuleType


class RefusePandas(importlib.abc.MetaPathFinder):
    """Answers every pandas import with "not installed", exactly as the frozen app does."""

    def find_spec(self, fullname: str, path: Sequence[str] | None = None,
                  target: ModuleType | None = None) -> ModuleSpec | None:
        if fullname == "pandas" or fullname.startswith("pandas."):
            raise ModuleNotFoundError(f"No module named {fullname!r}", name=fullname)
        return None


def refuse_pandas() -> None:
    """From now on, importing pandas fails in this process (unless it is already imported).

    Why: pyarrow imports pandas, when installed, on its first compute call (only to ask
    whether an argument is a Series). The window never uses pandas, yet in a pip install
    that import landed in the middle of opening a bundle: ~0.5 s, and ~70 MB plus ~30 MB
    of source lines that PySide6's import hook reads for every module imported after it.
    pyarrow works without pandas, as the frozen app (which leaves it out) proves.
    """
    if "pandas" in sys.modules or any(isinstance(f, RefusePandas) for f in sys.meta_path):
        return
    sys.meta_path.insert(0, RefusePandas())
