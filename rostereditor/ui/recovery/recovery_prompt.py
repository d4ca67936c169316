"""The question asked at start-up when the app stopped before edits were saved: what happened,
in a coordinator's words, and what can be done about it (which depends on the source)."""

from __future__ import annotations

import html
from enum import Enum

from PySide6.QtCore import QDate, QDateTime, QLocale
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rostereditor.core.recovery import RecoveryOffer
from rostereditor.core.wording import plural

# How many of the latest changes the question lists.
SHOWN_STEPS = 5


class Choice(Enum):
    RECOVER = "recover"
    OPEN = "open"  # the file as saved (the last save finished as the app stopped)
    LOCATE = "locate"
    SAVE_LIST = "save list"
    DISCARD = "discard"
    LATER = "later"


_BUTTONS: dict[str, list[tuple[Choice, str]]] = {
    "ready": [(Choice.RECOVER, "&Recover Changes"), (Choice.DISCARD, "&Discard Changes"),
              (Choice.LATER, "&Not Now")],
    "source-changed": [(Choice.SAVE_LIST, "&Save List of Changes\u2026"),
                       (Choice.DISCARD, "&Discard Changes"), (Choice.LATER, "&Not Now")],
    "probably-saved": [(Choice.OPEN, "&Open It"), (Choice.SAVE_LIST, "&Save List of Changes\u2026"),
                       (Choice.DISCARD, "&Done")],
    "source-missing": [(Choice.LOCATE, "&Locate\u2026"), (Choice.SAVE_LIST, "&Save List of Changes\u2026"),
                       (Choice.DISCARD, "&Discard Changes"), (Choice.LATER, "&Not Now")],
    "unreadable": [(Choice.DISCARD, "&Discard"), (Choice.LATER, "&Not Now")],
}


class RecoveryPrompt(QDialog):
    """Ask about one left journal; exec() and then read `choice`."""

    def __init__(self, offer: RecoveryOffer, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Recover Unsaved Changes")
        self.setAccessibleName("Recover unsaved changes")
        self.choice = Choice.LATER
        self.buttons: dict[Choice, QPushButton] = {}
        layout = QVBoxLayout(self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setText(message_for(offer))
        layout.addWidget(self.message)
        box = QDialogButtonBox(self)
        for choice, text in _BUTTONS[offer.state]:
            button = box.addButton(text, QDialogButtonBox.ButtonRole.ActionRole)
            button.clicked.connect(lambda _=False, c=choice: self._choose(c))
            self.buttons[choice] = button
        first = next(iter(self.buttons.values()))
        first.setDefault(True)
        first.setFocus()
        layout.addWidget(box)
        self.setMinimumWidth(520)

    def _choose(self, choice: Choice) -> None:
        self.choice = choice
        self.accept()


def _when(moment: QDateTime) -> str:
    """"today at 17:05", or "at 17:05 on Friday, 4 December 2026": the short date format can
    be unreadable (the C locale's is "4 12 2026"), the long one never is."""
    locale = QLocale()
    time = locale.toString(moment.time(), QLocale.FormatType.ShortFormat)
    if moment.date() == QDate.currentDate():
        return f"today at {time}"
    return f"at {time} on {locale.toString(moment.date(), QLocale.FormatType.LongFormat)}"


def message_for(offer: RecoveryOffer) -> str:
    """The question's text (rich text), for each thing that can have happened."""
    base = offer.base
    when = _when(QDateTime.fromSecsSinceEpoch(int(offer.journal.modified)))
    if base is None:
        return ("<p>RosterEditor found unsaved changes from another version of the app, and this "
                "version cannot read them. Open them with the version you used then, or discard "
                "them.</p>")
    name = html.escape(base.title)
    count = offer.outline.step_count
    changes = plural(count, "change")
    opening = (f"<p>RosterEditor stopped before your changes to <b>{name}</b> were saved "
               f"(the last one {when}).</p>")
    steps = _latest_steps(offer)
    if offer.state == "ready":
        return (opening + f"<p><b>{changes}</b> can be recovered:</p>{steps}"
                f"<p><b>Recover Changes</b> opens {name} with them made again, for you to review "
                "and save.</p>")
    if offer.state == "probably-saved":
        return (f"<p>RosterEditor stopped just as it finished saving <b>{name}</b>, so your "
                f"changes are most likely in it. Open it to check.</p>{steps}"
                "<p>If something is missing, <b>Save List of Changes</b> lists every change the "
                "app recorded, to put back by hand.</p>")
    where = html.escape(base.where)
    if offer.state == "source-missing":
        return (opening + f"<p>But {name} is no longer at {where}. If you moved or renamed "
                f"it, <b>Locate</b> it and the {changes} will be recovered.</p>{steps}")
    return (opening + f"<p>But {name} has been changed since then (by another program, or "
            f"replaced by a new export), so the {changes} cannot be put back into it safely.</p>"
            f"{steps}<p><b>Save List of Changes</b> keeps them as a spreadsheet (file, line, "
            "column, old and new value) to re-apply by hand.</p>")


def _latest_steps(offer: RecoveryOffer) -> str:
    done = offer.outline.done
    if not done:
        return ""
    shown = [html.escape(text) for text in done[-SHOWN_STEPS:]]
    more = f"<li>\u2026 and {plural(len(done) - len(shown), 'earlier change')}</li>" \
        if len(done) > len(shown) else ""
    return "<ul>" + more + "".join(f"<li>{text}</li>" for text in shown) + "</ul>"
