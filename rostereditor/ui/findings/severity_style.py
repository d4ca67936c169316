"""How each finding severity looks: rank, cell tint and label, readable on light and dark themes."""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor

SEVERITY_RANK = {"error": 3, "warning": 2, "info": 1}
SEVERITY_LABEL = {"error": "Error", "warning": "Warning", "info": "Note"}

# Translucent tints blend with whatever base colour the OS theme uses, so one set of
# colours stays legible in both light and dark mode.
SEVERITY_BRUSH = {
    "error": QBrush(QColor(230, 45, 45, 80)),
    "warning": QBrush(QColor(240, 170, 0, 85)),
    "info": QBrush(QColor(50, 130, 230, 50)),
}
# Solid colours for small markers (tab dots, counts).
SEVERITY_COLOR = {
    "error": QColor(205, 35, 35),
    "warning": QColor(200, 130, 0),
    "info": QColor(40, 110, 210),
}


def worst_severity(findings: list) -> str | None:
    """The most serious severity among findings (each with a .severity), or None."""
    worst = None
    rank = 0
    for finding in findings:
        r = SEVERITY_RANK.get(finding.severity, 0)
        if r > rank:
            worst, rank = finding.severity, r
    return worst
