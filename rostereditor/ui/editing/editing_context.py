"""What every editing action needs: the session, where the user is, and the undo stack.

EditingHost is the narrow view of the window the editing layer codes against (the window
implements it; a test can too). Everything about the data comes from the session.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QTableView, QWidget

from rostereditor.core.session import Edit, EditSession
from rostereditor.ui.editing.undo_commands import EditCommand

if TYPE_CHECKING:
    from rostereditor.ui.grid.roster_table_model import RosterTableModel


class EditingHost(Protocol):
    """The window as the editing layer sees it."""

    session: EditSession
    undo_stack: QUndoStack

    def current_file_name(self) -> str | None: ...

    def current_view(self) -> QTableView | None: ...

    def table_view(self, file_name: str) -> QTableView | None: ...

    def model(self, file_name: str) -> RosterTableModel | None: ...

    def go_to_cell(self, file_name: str, row: int, col: int) -> bool: ...

    def show_status(self, message: str, timeout_ms: int = ...) -> None: ...

    def dialog_parent(self) -> QWidget: ...


class EditingContext:
    def __init__(self, host: EditingHost) -> None:
        self.host = host
        self.session = host.session

    # -- where the user is ------------------------------------------------------------

    def current_file(self) -> str | None:
        return self.host.current_file_name()

    def current_view(self) -> QTableView | None:
        return self.host.current_view()

    def current_model(self) -> RosterTableModel | None:
        name = self.current_file()
        return self.host.model(name) if name else None

    def editable(self, file_name: str | None) -> bool:
        return self.session.is_editable(file_name)

    def editable_target(self) -> tuple[str, QTableView, RosterTableModel] | None:
        """The current file, its grid and its model, if the user may change that file."""
        name, view = self.current_file(), self.current_view()
        model = self.host.model(name) if name is not None else None
        if name is None or view is None or model is None or not self.editable(name):
            return None
        return name, view, model

    # -- doing things ----------------------------------------------------------------

    def push(self, edit: Edit | None) -> bool:
        """Put an edit the session has made on the undo stack; False if there was none."""
        if edit is None:
            return False
        self.host.undo_stack.push(EditCommand(edit))
        return True

    def status(self, message: str) -> None:
        self.host.show_status(message)
