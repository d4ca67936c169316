"""Test setup shared by every test: headless Qt."""

import os

# GUI tests run without a display, in CI and on developer machines alike.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


import pytest


@pytest.fixture(autouse=True)
def _own_user_data_folder(tmp_path_factory, monkeypatch):
    """Backups the app keeps in the user's profile go to a scratch folder, never the real one."""
    monkeypatch.setenv("ROSTEREDITOR_DATA_DIR", str(tmp_path_factory.mktemp("user-data")))
