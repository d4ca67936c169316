"""Test setup shared by every test: headless Qt."""

import contextlib
import os

# GUI tests run without a display, in CI and on developer machines alike.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# pyarrow imports pandas, when installed, on its first compute call (1 s or more). The test extras
# install pandas for rostereditor.dataframes, so import it once here: otherwise whichever timed
# Hypothesis example first touches pyarrow.compute pays for it and misses its deadline. The
# window and the commands refuse pandas; tests/cli/test_pandas_kept_out.py checks that.
with contextlib.suppress(ImportError):
    import pandas  # noqa: F401

import pytest


@pytest.fixture(autouse=True)
def _own_user_data_folder(tmp_path_factory, monkeypatch):
    """Backups the app keeps in the user's profile go to a scratch folder, never the real one."""
    monkeypatch.setenv("ROSTEREDITOR_DATA_DIR", str(tmp_path_factory.mktemp("user-data")))
