"""A report to read after a long operation (a recipe applied, a bundle converted), with Copy
for pasting it into an e-mail or a ticket. The content is a core ReportOutline."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from rostereditor.core.report_outline import ReportOutline


def outline_html(report: ReportOutline) -> str:
    """The report as the simple HTML a QTextBrowser shows; every text is escaped (it holds data).

    Points with details are paragraphs followed by their own list: Qt's rich text indents
    nested lists by a fixed 40 px a level, which leaves examples far from their step.
    """
    parts = [_STYLE, f"<p>{_text(report.summary)}</p>"]
    for section in report.sections:
        parts.append(f"<h3>{_text(section.heading)}</h3>")
        if section.note:
            parts.append(f"<p><i>{_text(section.note)}</i></p>")
        for point in section.points:
            parts.append(f"<p class='point'>\u2022 {_text(point.text)}</p>")
            if point.details:
                parts.append("<ul>" + "".join(f"<li>{_text(d)}</li>" for d in point.details)
                             + "</ul>")
    parts += [f"<p>{_text(paragraph)}</p>" for paragraph in report.closing.split("\n\n") if paragraph]
    return "\n".join(parts)


# Examples sit one small step in from their point; headings get air above them.
_STYLE = ("<style>ul { -qt-list-indent: 1; margin-top: 0px; margin-bottom: 4px; } "
          "p.point { margin-top: 4px; margin-bottom: 0px; margin-left: 8px; } "
          "h3 { margin-top: 14px; }</style>")


def _text(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")


class ReportDialog(QDialog):
    """Non-modal: the user can look at the grid while reading it."""

    def __init__(self, parent: QWidget, report: ReportOutline) -> None:
        super().__init__(parent)
        self.report = report
        self.setWindowTitle(report.title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        layout = QVBoxLayout(self)
        heading = QLabel(f"<b>{html.escape(report.title)}</b>", self)
        layout.addWidget(heading)
        self.browser = QTextBrowser(self)
        self.browser.setAccessibleName(report.title)
        self.browser.setOpenLinks(False)
        self.browser.setHtml(outline_html(report))
        layout.addWidget(self.browser, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = QPushButton("&Copy Report", self)
        self.copy_button.setToolTip("Copy the report as text, to paste into an e-mail or a ticket")
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_report)
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)
        self.resize(680, 520)

    def copy_report(self) -> None:
        clipboard = QGuiApplication.clipboard()
        if clipboard is not None:
            clipboard.setText(self.report.plain_text())

    def text(self) -> str:
        """What the user reads, as plain text (tests)."""
        return self.browser.toPlainText()
