"""Picks the cell editor from the column's type in the spec: dropdowns for enumerations and
booleans, a calendar for dates, a record lookup for references, plain text otherwise.
Every editor writes exactly the text it shows.

Keys in an editor behave as in a spreadsheet: Enter commits and moves down, Tab commits and
moves right (Shift goes back), Esc cancels, Alt+Down opens the list or calendar. Picking from a
list or calendar commits at once: a second Enter is never needed.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QWidget

from rostereditor.ui.editing.choice_editor import ChoiceEditor
from rostereditor.ui.editing.date_editor import DateEditor
from rostereditor.ui.editing.editing_context import EditingContext
from rostereditor.ui.editing.reference_editor import ReferenceEditor
from rostereditor.ui.grid.cell_editor_keys import (
    TYPED_OVER,
    OffersChoices,
    Step,
    editor_line,
    is_alt_down,
    step_for_key,
)

AnyIndex = QModelIndex | QPersistentModelIndex
BOOLEAN_VALUES = ("true", "false")
_FINISHED = "rostereditor_finished"


class ColumnEditorDelegate(QStyledItemDelegate):
    # After a commit by key or pick, where the grid's current cell goes (a cell_editor_keys.Step).
    step_requested = Signal(int)

    def __init__(self, context: EditingContext, file_name: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.context = context
        self.file_name = file_name

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: AnyIndex) -> QWidget:
        editor = self._make_editor(parent, option, index)
        line = editor_line(editor)
        if line is not None:
            # Enter pressed in a completer's popup reaches the line edit, not this delegate,
            # and before the completer writes the picked value: commit once it has.
            line.returnPressed.connect(
                lambda: QTimer.singleShot(0, editor, lambda: self.finish(editor, Step.DOWN)))
        return editor

    def _make_editor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: AnyIndex) -> QWidget:
        session = self.context.session
        spec = session.column_spec(self.file_name, index.column())
        kind = spec.kind if spec is not None else "string"
        if kind == "enum" and spec is not None and spec.values:
            choice = ChoiceEditor(spec.values, parent)
            choice.chosen.connect(lambda: self.finish(choice, Step.STAY))
            return choice
        if kind == "boolean":
            choice = ChoiceEditor(BOOLEAN_VALUES, parent)
            choice.chosen.connect(lambda: self.finish(choice, Step.STAY))
            return choice
        if kind == "date":
            date = DateEditor(parent)
            date.date_picked.connect(lambda: self.finish(date, Step.STAY))
            return date
        ref = session.reference_at(self.file_name, index.column())
        lookup = session.record_lookup(ref.target) if ref is not None else None
        if ref is not None and lookup is not None:
            reference = ReferenceEditor(lookup, ref.is_list, parent)
            reference.tab_pressed.connect(
                lambda forwards: self.finish(reference, Step.RIGHT if forwards else Step.LEFT))
            return reference
        return super().createEditor(parent, option, index)

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem,
                             index: AnyIndex) -> None:
        super().updateEditorGeometry(editor, option, index)
        if isinstance(editor, ChoiceEditor | DateEditor | ReferenceEditor):
            # Never smaller than the cell: on X11 a dropdown later shrinks itself to its own
            # size hint (narrower than the cell, the old value peeking out beside it).
            editor.setMinimumSize(option.rect.size())
            # A narrow column must not clip the value or the editor's button: grow rightwards.
            wanted = max(editor.sizeHint().width(), editor.minimumSizeHint().width())
            editor.resize(max(editor.width(), wanted), editor.height())

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        value = index.data(Qt.ItemDataRole.EditRole) or ""
        if isinstance(editor, ChoiceEditor):
            editor.set_text(value)
        elif isinstance(editor, DateEditor | ReferenceEditor):
            editor.setText(value)
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:
        if isinstance(editor, ChoiceEditor | DateEditor | ReferenceEditor):
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(watched, QWidget) and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            step = step_for_key(event, bool(watched.property(TYPED_OVER)))
            if step is not None:
                self.finish(watched, step)
                return True
            if is_alt_down(event) and isinstance(watched, OffersChoices):
                watched.open_choices()
                return True
        return super().eventFilter(watched, event)

    def finish(self, editor: QWidget, step: Step) -> None:
        """Commit the editor's text, close it, and move the grid's current cell (once only)."""
        if editor.property(_FINISHED) or not editor.isVisible():
            return  # already committed, or closed another way (focus moved, Esc)
        editor.setProperty(_FINISHED, True)
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)
        self.step_requested.emit(int(step))
