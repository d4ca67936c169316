"""The window's process refuses pandas imports, as the packaged app (which has no pandas) does."""

from __future__ import annotations

import sys

import pyarrow as pa
import pyarrow.compute as pc
import pytest

from rostereditor.ui.pandas_refusal import RefusePandas, refuse_pandas


def test_finder_refuses_pandas_and_its_submodules_only() -> None:
    finder = RefusePandas()
    for name in ("pandas", "pandas.core.frame"):
        with pytest.raises(ModuleNotFoundError):
            finder.find_spec(name)
    assert finder.find_spec("numpy") is None
    assert finder.find_spec("pandas_like") is None


def test_refuse_pandas_installs_one_finder_and_leaves_a_loaded_pandas_alone(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "meta_path", list(sys.meta_path))
    monkeypatch.delitem(sys.modules, "pandas", raising=False)
    refuse_pandas()
    refuse_pandas()
    assert sum(isinstance(f, RefusePandas) for f in sys.meta_path) == 1

    monkeypatch.setattr(sys, "meta_path", [f for f in sys.meta_path if not isinstance(f, RefusePandas)])
    monkeypatch.setitem(sys.modules, "pandas", sys)  # stands in for an already imported pandas
    refuse_pandas()
    assert not any(isinstance(f, RefusePandas) for f in sys.meta_path)


def test_arrow_compute_works_while_pandas_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "meta_path", [RefusePandas(), *sys.meta_path])
    values = pa.chunked_array([pa.array(["a", "", "bc"])])
    assert pc.equal(pc.binary_length(values), 0).to_pylist() == [False, True, False]
