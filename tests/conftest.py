"""Test setup shared by every test: headless Qt."""

import os

# GUI tests run without a display, in CI and on developer machines alike.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
