"""The one exception base of the core, and the one way long work says it was stopped."""

from __future__ import annotations


class RosterEditorError(Exception):
    """Base of every exception the core raises on purpose; str() is meant for the user."""


class Cancelled(RosterEditorError):
    """Long work (reading, checking, exporting) stopped because its caller asked it to.

    Raised from inside the work when its progress callback returns False. Whoever runs the
    work treats it as a quiet end, never as a failure to report.
    """
