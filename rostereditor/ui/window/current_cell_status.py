"""What the status bar says about the current tab: rows shown, the selection, the column and its problem."""

from __future__ import annotations

from rostereditor.core.session import EditSession
from rostereditor.ui.grid.file_tab_page import FileTabPage
from rostereditor.ui.window.status_summary import StatusSummary


def show_current_cell(status: StatusSummary, page: FileTabPage | None, session: EditSession) -> None:
    """Fill the status bar for a tab (None: no bundle, so nothing to say)."""
    if page is None:
        status.set_rows(0, 0)
        status.rows_label.setText("")
        status.set_selection("")
        status.set_column("")
        return
    model = page.model
    status.set_rows(model.rowCount(), len(model.table))
    index = page.view.currentIndex()
    if not index.isValid():
        status.set_selection("")
        status.set_column("")
        return
    selected = len(page.view.selectionModel().selectedIndexes())
    line = model.table.source_line(model.source_row(index.row()))
    where = f"Line {line}" if line is not None else "New row"
    extra = f" \u00b7 {selected:,} cells selected" if selected > 1 else ""
    status.set_selection(where + extra)
    if model.is_extra_column(index.column()):
        status.set_column("A value past the last column of the header")
        return
    summary = session.column_summary(model.file_name, model.table.header[index.column()])
    # The selection colour hides a cell's tint, so say what is wrong with it here.
    findings = model.findings_at(model.source_row(index.row()), index.column())
    if findings:
        worst = findings[0]
        summary = f"{worst.severity.capitalize()}: {worst.message}   \u2014   {summary}"
    status.set_column(summary)
