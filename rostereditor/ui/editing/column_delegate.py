"""Picks the cell editor from the column's type in the spec: dropdowns for enumerations and
booleans, a calendar for dates, a record lookup for references, plain text otherwise.
Every editor writes exactly the text it shows."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QWidget

from rostereditor.ui.editing.choice_editor import ChoiceEditor
from rostereditor.ui.editing.date_editor import DateEditor
from rostereditor.ui.editing.editing_context import EditingContext
from rostereditor.ui.editing.reference_editor import ReferenceEditor

AnyIndex = QModelIndex | QPersistentModelIndex
BOOLEAN_VALUES = ("true", "false")


class ColumnEditorDelegate(QStyledItemDelegate):
    def __init__(self, context: EditingContext, file_name: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.context = context
        self.file_name = file_name

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: AnyIndex) -> QWidget:
        session = self.context.session
        spec = session.column_spec(self.file_name, index.column())
        kind = spec.kind if spec is not None else "string"
        if kind == "enum" and spec is not None and spec.values:
            return ChoiceEditor(spec.values, parent)
        if kind == "boolean":
            return ChoiceEditor(BOOLEAN_VALUES, parent)
        if kind == "date":
            editor = DateEditor(parent)
            editor.date_picked.connect(lambda: self._commit(editor))
            return editor
        ref = session.reference_at(self.file_name, index.column())
        lookup = session.record_lookup(ref.target) if ref is not None else None
        if ref is not None and lookup is not None:
            return ReferenceEditor(lookup, ref.is_list, parent)
        return super().createEditor(parent, option, index)

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem,
                             index: AnyIndex) -> None:
        super().updateEditorGeometry(editor, option, index)
        if isinstance(editor, ChoiceEditor | DateEditor | ReferenceEditor):
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

    def _commit(self, editor: QWidget) -> None:
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)
