"""After recovery: the Review Changes list of what came back, saying where it came from, with
the choice to save it, keep editing, or throw it away."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from rostereditor.core.recovery import RecoveredEdits
from rostereditor.core.session import EditSequence, StructureEdit
from rostereditor.core.wording import plural
from rostereditor.ui.editing.review_changes_dialog import ReviewChangesDialog


class RecoveredChangesDialog(ReviewChangesDialog):
    def __init__(self, recovered: RecoveredEdits, parent: QWidget) -> None:
        super().__init__(recovered.bundle, parent)
        self.setWindowTitle("Recovered Changes")
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        self.intro = QLabel(intro_for(recovered), self)
        self.intro.setWordWrap(True)
        layout.insertWidget(0, self.intro)
        box = self.findChild(QDialogButtonBox)
        assert box is not None
        close = box.button(QDialogButtonBox.StandardButton.Close)
        if close is not None:
            close.setText("&Keep Editing")
        self.save_button = QPushButton("&Save\u2026" if recovered.bundle.source is None else "&Save",
                                       self)
        self.discard_button = QPushButton("&Discard Changes", self)
        box.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        box.addButton(self.discard_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.save_button.setDefault(True)


def intro_for(recovered: RecoveredEdits) -> str:
    base = recovered.base
    steps = plural(recovered.index - (recovered.clean or 0), "change") \
        if recovered.clean is not None and recovered.index >= recovered.clean else "Your changes"
    text = (f"<p>{html.escape(steps)} to <b>{html.escape(base.title)}</b> recovered. They are "
            "not saved yet: review them, then save, or discard them to leave the file as it "
            "was. Undo takes them back one at a time.</p>")
    columns = column_steps(recovered)
    if columns:
        listed = "".join(f"<li>{html.escape(text)}</li>" for text in columns)
        text += f"<p>Column changes (not in the list below):</p><ul>{listed}</ul>"
    if recovered.problem is not None:
        text += ("<p><b>Not everything could be recovered:</b> the changes stop where one no "
                 "longer fitted the file. Check the list before saving.</p>")
    if recovered.recording_stopped is not None:
        text += ("<p><b>Changes made after the app could no longer record them "
                 f"({html.escape(recovered.recording_stopped)}) are not included.</b></p>")
    return text


def column_steps(recovered: RecoveredEdits) -> list[str]:
    """The recovered steps that insert, delete, rename or move columns (done ones only)."""
    steps = []
    for edit in recovered.stack[:recovered.index]:
        parts = edit.steps if isinstance(edit, EditSequence) else [edit]
        if any(isinstance(part, StructureEdit) and part.structure == "columns" for part in parts):
            steps.append(edit.description)
    return steps
