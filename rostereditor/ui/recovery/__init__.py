"""Crash recovery in the window: journaling the session's edits, and at start-up offering
the edits an app that stopped without closing left behind (core.recovery does the work)."""
