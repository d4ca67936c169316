"""File > Open Vendor Report: read the report, ask how to read it when unsure, remember the
answer per vendor, and pin its problems to the session (see EditSession.pin_vendor_report)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox

from rostereditor.core.validation import Finding
from rostereditor.core.vendor_report import (
    VENDOR_RULE,
    ReportTable,
    VendorReport,
    VendorReportError,
    read_report,
)
from rostereditor.core.vendor_report.report_reading import (
    ReportChoices,
    ReportReading,
    read_as_chosen,
    read_with_choices,
)
from rostereditor.core.wording import plural
from rostereditor.ui.vendor_report.column_mapping_dialog import ColumnMappingDialog, MappingAnswer
from rostereditor.ui.vendor_report.report_memory import ReportMemory
from rostereditor.ui.vendor_report.vendor_report_panel import VendorReportPanel
from rostereditor.ui.window.action_ids import ActionId, MenuId

if TYPE_CHECKING:
    from rostereditor.ui.window.main_window import MainWindow

GENERIC_PROFILE = "1edtech"


class VendorReportActionId:
    OPEN = "file.open_vendor_report"
    DISMISS = "tools.dismiss_vendor_problem"
    SHOW_PANEL = "view.show_vendor_report"
    DISMISS_IN_LIST = "problems.dismiss_vendor_problem"


class VendorReportActions(QObject):
    """The Open Vendor Report entry, the Vendor Report panel and dismissing a vendor's problem."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._session = window.session
        self.memory = ReportMemory()
        self.dialog: ColumnMappingDialog | None = None
        self._read: tuple[Path, ReportTable] | None = None  # the report last opened

        self.panel = VendorReportPanel(self._session, window)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.panel)
        window.tabifyDockWidget(window.findings_panel, self.panel)
        self.panel.hide()
        self.panel.finding_activated.connect(window.navigation.go_to_finding)
        self.panel.reread_requested.connect(self.reread)
        self.panel.close_requested.connect(lambda: self._session.pin_vendor_report(None))

        open_action = self._add(VendorReportActionId.OPEN, "Open &Vendor Report\u2026",
                                self.choose_and_open,
                                "Show the problems in a vendor's error report on the records "
                                "they name")
        # With the other between-uploads entries: the group that ends just above Close.
        file_menu = window.menu(MenuId.FILE)
        entries = file_menu.actions()
        close = entries.index(window.action(ActionId.CLOSE_BUNDLE))
        above = entries[close - 1] if close and entries[close - 1].isSeparator() else entries[close]
        file_menu.insertAction(above, open_action)
        toggle = self.panel.toggleViewAction()
        # Tabbed with the problems list: showing it means showing its tab.
        toggle.triggered.connect(self._raise_when_shown)
        toggle.setObjectName(VendorReportActionId.SHOW_PANEL)
        toggle.setText("Ven&dor Report Panel")
        window.actions_by_id[VendorReportActionId.SHOW_PANEL] = toggle
        window.menu(MenuId.VIEW).addAction(toggle)
        dismiss = self._add(VendorReportActionId.DISMISS, "&Dismiss Vendor Problem",
                            self.dismiss_selected,
                            "Take the vendor's problem off the list (the Vendor Report panel "
                            "can bring it back)")
        window.menu(MenuId.TOOLS).addAction(dismiss)
        # The same, from the problems list's context menu, for the problem under the mouse.
        in_list = QAction("Dismiss Vendor Problem", window.findings_panel.view)
        in_list.setObjectName(VendorReportActionId.DISMISS_IN_LIST)
        in_list.triggered.connect(lambda _checked=False: self.dismiss_in_problems_list())
        problems = window.findings_panel.view
        if problems.contextMenuPolicy() == Qt.ContextMenuPolicy.DefaultContextMenu:
            problems.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        problems.addAction(in_list)
        window.bundle_opened.connect(self._update_enabled)
        self._session.events.bundle_changed.connect(lambda _e: self._update_enabled())
        self._update_enabled()

    def _raise_when_shown(self, checked: bool) -> None:
        if checked:
            self.panel.raise_()

    def _add(self, action_id: str, text: str, slot: object, tip: str) -> QAction:
        action = QAction(text, self._window)
        action.setObjectName(action_id)
        action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())  # type: ignore[operator]
        self._window.actions_by_id[action_id] = action
        return action

    def _update_enabled(self) -> None:
        has_bundle = self._session.bundle is not None
        for action_id in (VendorReportActionId.OPEN, VendorReportActionId.DISMISS):
            self._window.actions_by_id[action_id].setEnabled(has_bundle)

    # -- opening a report --------------------------------------------------------------------

    def choose_and_open(self) -> None:
        settings = self._window.settings
        path, _ = QFileDialog.getOpenFileName(
            self._window, "Open a vendor's error report", settings.last_folder(),
            "Error reports (*.csv *.txt *.xlsx);;All files (*)")
        if path:
            self.open(Path(path))

    def open(self, path: Path | str) -> bool:
        """Read a report and show its problems; asks first when unsure how to read it.

        True if the problems are shown now; False if it cannot be read, or the mapping
        dialog is open (the problems appear when the user accepts it).
        """
        bundle = self._session.bundle
        if bundle is None:
            return False
        path = Path(path)
        try:
            report = read_report(path)
            vendor = self.memory.vendor_for(report.rows[0]) if report.rows else None
            remembered = self.memory.choices(vendor) if vendor else None
            reading = read_with_choices(report, bundle, remembered)
        except VendorReportError as exc:
            QMessageBox.warning(self._window, "Cannot read the vendor report", str(exc))
            return False
        self._read = (path, report)
        if reading.ask:
            self._ask(report, reading, vendor or self._suggested_vendor())
            return False
        self._show(reading.placed, vendor)
        return True

    def reread(self) -> None:
        """The panel's Columns and Line Numbers: ask again about the report shown."""
        bundle, current = self._session.bundle, self._session.vendor_report
        if bundle is None or current is None or self._read is None:
            return
        _, report = self._read
        choices = ReportChoices(current.mapping.choices(), current.numbering.offset,
                                current.default_file)
        reading = read_with_choices(report, bundle, choices)
        vendor = self.memory.vendor_for(report.rows[0]) or self._suggested_vendor()
        self._ask(report, reading, vendor)

    def _ask(self, report: ReportTable, reading: ReportReading, vendor: str) -> None:
        bundle = self._session.bundle
        assert bundle is not None
        if self.dialog is not None:
            self.dialog.close()
        dialog = ColumnMappingDialog(report, reading, bundle, vendor=vendor,
                                     vendors=self._known_vendors(), parent=self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._answered(report, dialog.answer()))
        dialog.destroyed.connect(lambda: self._forget_dialog(dialog))
        self.dialog = dialog
        dialog.open()

    def _forget_dialog(self, dialog: ColumnMappingDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def _answered(self, report: ReportTable, answer: MappingAnswer) -> None:
        bundle = self._session.bundle
        if bundle is None:
            return
        placed = read_as_chosen(report, bundle, answer.mapping, answer.choices)
        vendor = answer.vendor or Path(report.name).stem
        if answer.remember:
            self.memory.remember(vendor, report.rows[0], answer.choices)
        self._show(placed, vendor)

    def _show(self, placed: VendorReport, vendor: str | None) -> None:
        self._session.pin_vendor_report(placed)
        self.panel.show()
        self.panel.raise_()
        where = f" ({vendor})" if vendor else ""
        shown = len(placed.findings)
        on = "its record" if shown == 1 else "their records"
        message = f"{placed.name}{where}: {plural(shown, 'problem')} shown on {on}"
        if placed.unmatched:
            unmatched = len(placed.unmatched)
            verb = "is" if unmatched == 1 else "are"
            message += (f"; {plural(unmatched, 'line')} matching nothing {verb} listed "
                        "in the Vendor Report panel")
        self._window.show_status(message + ".", 10000)

    def _suggested_vendor(self) -> str:
        profile = self._session.profile
        if profile.name != GENERIC_PROFILE:
            return profile.title
        return self.memory.last_vendor or ""

    def _known_vendors(self) -> list[str]:
        return self.memory.vendors()

    # -- dismissing ----------------------------------------------------------------------------

    def dismiss_selected(self) -> bool:
        """Tools > Dismiss Vendor Problem: the vendor's problems on the current cell, else the
        one selected in the problems list."""
        window = self._window
        targets: list[Finding] = []
        name, view = window.current_file_name(), window.current_view()
        model = window.model(name) if name else None
        if name and view is not None and model is not None and view.currentIndex().isValid():
            index = view.currentIndex()
            targets.extend(self._session.findings_at(name, model.source_row(index.row()),
                                                     index.column()))
        return self._dismiss([*targets, *self._selected_in_list()])

    def dismiss_in_problems_list(self) -> bool:
        return self._dismiss(self._selected_in_list())

    def _selected_in_list(self) -> list[Finding]:
        panel = self._window.findings_panel
        index = panel.view.currentIndex()
        return [panel.model.finding(index.row())] if index.isValid() else []

    def _dismiss(self, candidates: list[Finding]) -> bool:
        for finding in candidates:
            if finding.rule == VENDOR_RULE and self._session.dismiss_pinned(finding):
                self._window.show_status("Dismissed the vendor's problem (the Vendor Report "
                                         "panel can restore it).")
                return True
        self._window.show_status("Select a vendor's problem (one starting \u201cVendor:\u201d) "
                                 "to dismiss it.")
        return False
