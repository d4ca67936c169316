"""EditSession: the one owner of the open bundle, its OneRoster version and vendor profile, the
validator and its latest result, and every operation that changes data.

Each operation changes the bundle, emits what changed (session.events), re-checks what the
change can affect, and returns an Edit that undoes and redoes it the same way. Nothing here
imports Qt: the window's models subscribe to the events and translate them for their views.
Every operation that returns an Edit is marked @records_edit, so the edit_observer (the
crash-recovery journal, core.recovery) hears of it, and of its undos and redos.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Concatenate, ParamSpec, Protocol, TypeVar

from rostereditor.core.atomic_save import SaveError
from rostereditor.core.background_work import InlineRunner, JobRunner
from rostereditor.core.bundle import Bundle, BundleFile
from rostereditor.core.bundle_writer import write_bundle_folder, write_bundle_zip
from rostereditor.core.editing import column_edits, row_edits
from rostereditor.core.editing.cell_changes import (
    BundleChanges,
    CellChange,
    apply_changes,
    changes_for,
    count_cells,
    revert_changes,
)
from rostereditor.core.editing.cell_range import CellRange
from rostereditor.core.editing.closest_ids import broken_reference_suggestions
from rostereditor.core.editing.find_replace import SearchOptions, plan_replace_all
from rostereditor.core.editing.header_fixes import ColumnFix, reorder_moves
from rostereditor.core.editing.paste_plan import PastePlan, plan_paste
from rostereditor.core.editing.quick_fixes import plan_fix_all, plan_fix_one
from rostereditor.core.editing.range_edits import PlannedCell, plan_clear, plan_fill_down
from rostereditor.core.editing.record_labels import RecordLookup
from rostereditor.core.editing.reference_columns import (
    ID_COLUMN,
    ReferenceColumn,
    reference_columns_from_spec,
)
from rostereditor.core.editing.rename_plan import merge_changes, plan_reference_updates
from rostereditor.core.oneroster_files import MANIFEST, SUPPORTED_VERSIONS
from rostereditor.core.save_result import SaveResult
from rostereditor.core.saved_manifest import saved_manifest_rows, take_in_manifest
from rostereditor.core.session.checking import BACKGROUND_CHECK_ROWS, BundleChecking
from rostereditor.core.session.edit_intents import (
    CellFixed,
    ColumnFixed,
    ColumnInserted,
    ColumnMoved,
    ColumnRenamed,
    ColumnsDeleted,
    IdRenamed,
    ReplacedAll,
    with_intent,
)
from rostereditor.core.session.events import (
    BundleChanged,
    CellsChanged,
    ColumnsChanged,
    FileAdded,
    ProfileChanged,
    ResultChanged,
    RowsChanged,
    Saved,
    Saving,
    SessionEvents,
    VersionChanged,
)
from rostereditor.core.session.pinned_findings import PinnedFindings, PinnedItem
from rostereditor.core.session.result_with_pinned import ResultWithPinned
from rostereditor.core.session.undoable_edits import (
    CellsEdit,
    Direction,
    Edit,
    EditObserver,
    EditSequence,
    ObservedEdit,
    Structure,
    StructureEdit,
    TableChange,
)
from rostereditor.core.spec import column_help
from rostereditor.core.spec.model import ColumnSpec
from rostereditor.core.spec.vendor_profile import Profile
from rostereditor.core.table import Table
from rostereditor.core.validation import BundleValidator, Finding, ValidationResult, get_profile
from rostereditor.core.wording import plural

if TYPE_CHECKING:
    from rostereditor.core.vendor_report import VendorReport

DEFAULT_PROFILE = "1edtech"
# The version assumed with no bundle open and no choice made.
DEFAULT_VERSION = "1.1"


class RowOrder(Protocol):
    """How a grid orders one file's rows (sort, filter): view row -> table row."""

    def table_row(self, view_row: int) -> int: ...


class FileOrder:
    """The file's own order: view rows are table rows."""

    def table_row(self, view_row: int) -> int:
        return view_row


FILE_ORDER = FileOrder()

P = ParamSpec("P")
R = TypeVar("R", bound="Edit | None")


Operation = Callable[Concatenate["EditSession", P], R]


def records_edit(operation: Operation[P, R]) -> Operation[P, R]:
    """Mark an operation that returns an Edit: the session's edit_observer hears of the edit it
    made (only of the outermost one when operations call each other)."""

    @functools.wraps(operation)
    def run(session: EditSession, /, *args: P.args, **kwargs: P.kwargs) -> R:
        session._operation_depth += 1
        try:
            edit = operation(session, *args, **kwargs)
        finally:
            session._operation_depth -= 1
        if edit is not None and session._operation_depth == 0:
            session._edit_made(edit)
        return edit

    run.records_edit = True  # type: ignore[attr-defined]  # tests check every operation has it
    return run


class _ObserverRelay:
    """What each Edit tells of its undos and redos, passed to the session's edit_observer now."""

    def __init__(self, session: EditSession) -> None:
        self._session = session

    def leaf_made(self, edit: Edit) -> None:
        pass

    def edit_made(self, edit: Edit) -> None:
        pass

    def stepping(self, edit: Edit, direction: Direction) -> None:
        observer = self._session.edit_observer
        if observer is not None:
            observer.stepping(edit, direction)

    def stepped(self, edit: Edit, direction: Direction) -> None:
        observer = self._session.edit_observer
        if observer is not None:
            observer.stepped(edit, direction)


class EditSession:
    """The open bundle and everything that reads or changes it; see the module docstring."""

    def __init__(self, runner: JobRunner | None = None, *, profile: str = DEFAULT_PROFILE,
                 version_choice: str = "", background_rows: int = BACKGROUND_CHECK_ROWS) -> None:
        self.events = SessionEvents()
        # Where long work runs (the window's thread pool; in place for tests and scripts).
        self.runner: JobRunner = runner or InlineRunner()
        self._bundle: Bundle | None = None
        self._reading = False
        self._profile = get_profile(profile).name
        self._version_choice = version_choice if version_choice in SUPPORTED_VERSIONS else ""
        # A vendor's reported problems, pinned to records; published with the checker's result.
        self.pinned = PinnedFindings()
        self._result: ValidationResult | None = None
        self._publications = 0
        self.checking = BundleChecking(self.events, runner, background_rows=background_rows,
                                       publish=self._publish)
        self._references: tuple[Bundle, str, list[ReferenceColumn]] | None = None
        # What the last save did (where it kept the originals), for the window to say.
        self.last_save: SaveResult | None = None
        self._lookups: dict[str, RecordLookup] = {}
        # Hears every edit, undo and redo (the crash-recovery journal); see records_edit.
        self.edit_observer: EditObserver | None = None
        self._operation_depth = 0
        self._relay = _ObserverRelay(self)

    # -- the bundle --------------------------------------------------------------------------

    @property
    def bundle(self) -> Bundle | None:
        return self._bundle

    def open(self, bundle: Bundle, *, reading: bool = False) -> None:
        """Make `bundle` the open one (already read) and check it.

        reading: the files read so far of a bundle still being read, shown at once; more come
        through add_read_file, and nothing is checked or editable until the whole bundle is
        opened.
        """
        self.checking.start(None, self._profile, self.version)  # the old result goes first
        self.pinned.replace(None, None)  # a report is about the bundle it was placed on
        self._bundle = bundle
        self._reading = reading
        self._references, self._lookups = None, {}
        self.events.bundle_changed.emit(BundleChanged(bundle))
        if not reading:
            self._restart_checks()

    @property
    def reading(self) -> bool:
        """The open bundle is still being read: shown, not yet checked or editable."""
        return self._reading

    def add_read_file(self, file: BundleFile) -> None:
        """One more file of the bundle being read (see open(reading=True))."""
        if self._bundle is None or not self._reading:
            return
        self._bundle.files[file.name] = file
        self.events.file_added.emit(FileAdded(file.name))

    def close(self) -> None:
        """Forget the bundle; any check still running is cancelled."""
        self.checking.start(None, self._profile, self.version)
        self.pinned.replace(None, None)
        self._bundle = None
        self._reading = False
        self._references, self._lookups = None, {}
        self.events.bundle_changed.emit(BundleChanged(None))

    def shut_down(self) -> None:
        """The owner is going away: stop every background job now."""
        self.checking.cancel()

    def table(self, file: str) -> Table | None:
        return self._bundle.table(file) if self._bundle is not None else None

    def require_table(self, file: str) -> Table:
        table = self.table(file)
        if table is None:
            raise KeyError(f"{file} is not in the open bundle")
        return table

    @property
    def file_names(self) -> list[str]:
        """The files shown to the user, in tab order: the data files, then the manifest."""
        bundle = self._bundle
        if bundle is None:
            return []
        return [*bundle.data_file_names, *([MANIFEST] if MANIFEST in bundle.files else [])]

    def is_editable(self, file: str | None) -> bool:
        """Whether the user may change this file (the manifest is written fresh on save)."""
        return file is not None and file != MANIFEST and self.table(file) is not None \
            and not self._reading

    # -- version and profile: the one place they are decided ---------------------------------

    @property
    def version_choice(self) -> str:
        """The version picked by the user; "" means as the bundle says."""
        return self._version_choice

    @property
    def version(self) -> str:
        """The OneRoster version in force for checks, editors, references and saving."""
        if self._version_choice:
            return self._version_choice
        return self._bundle.detected_version if self._bundle is not None else DEFAULT_VERSION

    @property
    def version_to_save(self) -> str | None:
        """The version a save writes into the manifest: only an explicit choice rewrites it."""
        return self._version_choice or None

    def set_version_choice(self, choice: str) -> None:
        """Pick a version ("" = as the bundle says); checks start again with it."""
        choice = choice if choice in SUPPORTED_VERSIONS else ""
        if choice == self._version_choice:
            return
        self._version_choice = choice
        self._references = None
        self.events.version_changed.emit(VersionChanged(self.version, choice))
        self._restart_checks()

    @property
    def profile_name(self) -> str:
        return self._profile

    @property
    def profile(self) -> Profile:
        return get_profile(self._profile)

    def set_profile(self, name: str) -> None:
        """Check against another vendor's rules (KeyError for an unknown name)."""
        name = get_profile(name).name
        if name == self._profile:
            return
        self._profile = name
        self.events.profile_changed.emit(ProfileChanged(name))
        self._restart_checks()

    # -- checking ------------------------------------------------------------------------------

    @property
    def validator(self) -> BundleValidator | None:
        """The open bundle's BundleValidator (None without a bundle)."""
        return self.checking.validator

    @property
    def result(self) -> ValidationResult | None:
        """The latest complete findings (None while a first check is still running), with the
        vendor's problems still to do added in (see pin_vendor_report)."""
        return self._result

    def is_checking(self) -> bool:
        return self.checking.is_running()

    def check_all(self) -> None:
        self.checking.check_all()

    def cancel_checks(self) -> bool:
        return self.checking.cancel()

    def findings_at(self, file: str, row: int, col: int) -> list[Finding]:
        """Findings on one cell (table row) in the latest result."""
        table, result = self.table(file), self.result
        if table is None or result is None:
            return []
        part = result.file_findings(file)
        return part.at(table.row_id(row), col) if part is not None else []

    def _restart_checks(self) -> None:
        self.checking.start(self._bundle, self._profile, self.version)

    def _publish(self, checked: ValidationResult | None) -> None:
        """Announce a result: the checker's, plus the pinned findings still to do."""
        self._publications += 1
        pinned = self.pinned.open_by_file()
        self._result = ResultWithPinned(checked, pinned) if checked is not None and pinned \
            else checked
        self.events.result_changed.emit(ResultChanged(self._result))

    # -- a vendor's error report, pinned to records ---------------------------------------------

    @property
    def vendor_report(self) -> VendorReport | None:
        """The vendor report placed on the open bundle, if any."""
        return self.pinned.report

    def pinned_items(self) -> list[PinnedItem]:
        """Every placed line of the vendor report: its finding, report line and state."""
        return self.pinned.items()

    def pin_vendor_report(self, report: VendorReport | None) -> None:
        """Show a placed vendor report's problems with ours (None: stop showing them).

        Each is a finding of rule vendor.report on its record and cell; it is done once the
        cell's text changes (undo brings it back) or it is dismissed.
        """
        self.pinned.replace(report, self._bundle)
        self._publish(self.checking.result)

    def dismiss_pinned(self, finding: Finding, dismissed: bool = True) -> bool:
        """Dismiss a vendor's finding (or bring it back); True if that changed anything."""
        index = self.pinned.index_of(finding)
        if index is None or not self.pinned.set_dismissed(index, dismissed):
            return False
        self._publish(self.checking.result)
        return True

    def _refresh_pinned(self, file: str, row_ids: Iterable[int] | None,
                        recheck: Callable[[], None]) -> None:
        """Re-check after a change, and re-decide which vendor findings are done; one
        result_changed either way."""
        changed = bool(len(self.pinned)) and self._bundle is not None \
            and self.pinned.refresh(self._bundle, file, row_ids)
        before = self._publications
        recheck()
        if changed and self._publications == before:
            self._publish(self.checking.result)

    # -- the spec as it applies to the open bundle ---------------------------------------------

    def column_spec(self, file: str, col: int) -> ColumnSpec | None:
        table = self.table(file)
        if table is None or not 0 <= col < table.column_count:
            return None
        return column_help.column_spec(self.version, file, table.header[col])

    def column_tooltip(self, file: str, column: str) -> str:
        """Help for a column header in the version in force: type, required, allowed values."""
        return column_help.column_tooltip(self.version, file, column)

    def column_summary(self, file: str, column: str) -> str:
        """One phrase for the status bar, e.g. 'role: one of a fixed list of values, required'."""
        return column_help.column_summary(self.version, file, column)

    def reference_columns(self) -> list[ReferenceColumn]:
        """Every column of the bundle that holds sourcedIds of another file, per the version."""
        bundle = self._bundle
        if bundle is None:
            return []
        cached = self._references
        # Identity, not equality: comparing two Bundles would compare every table.
        if cached is None or cached[0] is not bundle or cached[1] != self.version:
            columns = reference_columns_from_spec(self.version, bundle.data_file_names)
            cached = self._references = (bundle, self.version, columns)
        return cached[2]

    def reference_at(self, file: str, col: int) -> ReferenceColumn | None:
        table = self.table(file)
        if table is None or not 0 <= col < table.column_count:
            return None
        name = table.header[col]
        return next((r for r in self.reference_columns() if r.file == file and r.column == name), None)

    def record_lookup(self, file: str) -> RecordLookup | None:
        """Record search over one file, rebuilt only after the file changed."""
        table = self.table(file)
        if table is None:
            return None
        cached = self._lookups.get(file)
        if cached is None or cached.version != table.version:
            cached = self._lookups[file] = RecordLookup(file, table)
        return cached

    def reference_suggestions(self, file: str, row: int, col: int) -> dict[str, list[str]]:
        """For each id in a reference cell that matches no record: the closest existing ids."""
        table, bundle = self.table(file), self._bundle
        if table is None or bundle is None or not 0 <= col < table.column_count:
            return {}
        return broken_reference_suggestions(bundle, self.version, file, table.header[col],
                                            table.cell(row, col))

    # -- saving --------------------------------------------------------------------------------

    def save(self, path: Path | str | None = None) -> Path:
        """Write the bundle; returns where it went. Raises SaveError on failure.

        No path: back the way it was opened (zip to zip, folder to folder). A path ending in
        .zip (or not an existing folder) gets a zip; an existing folder gets the CSV files.
        """
        bundle = self._bundle
        if bundle is None:
            raise SaveError("There is no bundle to save.")
        if path is None:
            if bundle.source is None or bundle.source_kind not in ("zip", "folder"):
                raise SaveError("Choose where to save this bundle (File > Save As Zip).")
            target, kind = bundle.source, bundle.source_kind
        else:
            target = Path(path)
            kind = "folder" if target.is_dir() and target.suffix.lower() != ".zip" else "zip"
        manifest = saved_manifest_rows(bundle, self.version_to_save)
        self.events.saving.emit(Saving(target))
        if kind == "zip":
            outcome = write_bundle_zip(bundle, target, self.version_to_save)
        else:
            outcome = write_bundle_folder(bundle, target, self.version_to_save)
        bundle.source, bundle.source_kind = target, kind
        self.last_save = outcome
        if manifest is not None:
            # Findings follow what was saved: the manifest is now the one just written.
            take_in_manifest(bundle, manifest)
        self.events.saved.emit(Saved(target, outcome))
        if manifest is not None:
            self.checking.structure_changed()
        return target

    # -- cell edits ------------------------------------------------------------------------------

    @records_edit
    def change_cells(self, changes: BundleChanges, description: str) -> CellsEdit | None:
        """Make recorded cell changes (in any files) as one step; None if there are none."""
        edit = CellsEdit(self, changes, description)
        if not edit.changes:
            return None
        edit.redo()
        self._leaf_made(edit)
        return edit

    @records_edit
    def edit_cell(self, file: str, row: int, col: int, text: str, *,
                  update_references: bool = False) -> CellsEdit | None:
        """Type `text` into one cell (table row). With update_references, a changed sourcedId
        carries every reference to it along (see reference_updates)."""
        table = self.require_table(file)
        old = table.cell(row, col)
        if old == text:
            return None
        own = {file: [CellChange(table.row_id(row), col, old, text)]}
        updates = self.reference_updates(file, row, col, text) if update_references else {}
        if updates:
            count = count_cells(updates)
            edit = self.change_cells(merge_changes(own, updates),
                                     f"Rename {old} to {text} and {plural(count, 'reference')}")
            return with_intent(edit, IdRenamed(file, old.strip(), text.strip()))
        where = f"{table.header[col]} (line {table.source_line(row) or 'new'})"
        return self.change_cells(own, f"Edit {where}")

    def reference_updates(self, file: str, row: int, col: int, text: str) -> BundleChanges:
        """The cells elsewhere that must change with a sourcedId, so nothing points at nothing.

        Empty unless the cell is a sourcedId that something refers to.
        """
        table = self.require_table(file)
        old = table.cell(row, col).strip()
        if table.header[col] != ID_COLUMN or not old or self._bundle is None:
            return {}
        return plan_reference_updates(self._bundle, self.reference_columns(), file, old,
                                      text.strip())

    @records_edit
    def clear(self, file: str, ranges: Sequence[CellRange], *, verb: str = "Clear",
              order: RowOrder = FILE_ORDER) -> CellsEdit | None:
        """Empty every selected cell (the Delete key; Cut after copying)."""
        cells = plan_clear(ranges)
        return self._write_counted(file, cells, verb, order)

    @records_edit
    def fill_down(self, file: str, ranges: Sequence[CellRange], *,
                  order: RowOrder = FILE_ORDER) -> CellsEdit | None:
        """Excel's Ctrl+D over the selected ranges."""
        table = self.require_table(file)
        planned = plan_fill_down(ranges, lambda r, c: table.cell(order.table_row(r), c))
        return self._write_counted(file, planned, "Fill down", order)

    def _write_counted(self, file: str, cells: Iterable[PlannedCell], verb: str,
                       order: RowOrder) -> CellsEdit | None:
        table = self.require_table(file)
        changes = changes_for(table, ((order.table_row(r), c, v) for r, c, v in cells))
        return self.change_cells({file: changes}, f"{verb} {plural(len(changes), 'cell')}")

    # -- paste -----------------------------------------------------------------------------------

    def plan_paste(self, file: str, values: Sequence[Sequence[str]], selection: CellRange,
                   row_count: int | None = None) -> PastePlan:
        """Where clipboard values land (Excel's rules); rows past `row_count` (the rows the grid
        shows, default all) become new records, which the caller may ask about first."""
        table = self.require_table(file)
        rows = len(table) if row_count is None else row_count
        return plan_paste(values, selection, rows, table.column_count)

    @records_edit
    def paste(self, file: str, plan: PastePlan, *, add_rows: bool = True,
              order: RowOrder = FILE_ORDER) -> Edit | None:
        """Paste a planned block as one step: its cells, then (if wanted) its new records."""
        table = self.require_table(file)
        changes = changes_for(table, ((order.table_row(r), c, v) for r, c, v in plan.cells))
        new_rows = plan.new_rows if add_rows else []
        if not changes and not new_rows:
            return None
        text = f"Paste {plural(len(changes), 'cell')}"
        if new_rows:
            text += f" and {plural(len(new_rows), 'new row')}"
        steps: list[Edit] = []
        cells = self.change_cells({file: changes}, text)
        if cells is not None:
            steps.append(cells)
        if new_rows:
            steps.append(self._structure(file, row_edits.insert_rows(table, len(table), new_rows),
                                         "rows", text))
        return EditSequence(text, steps)

    # -- find and replace ------------------------------------------------------------------------

    @records_edit
    def replace_all(self, files: Sequence[str], options: SearchOptions, replacement: str,
                    columns: Sequence[int] | None = None) -> CellsEdit | None:
        """Replace every match in the given files as one step (SearchPatternError if invalid)."""
        changes: BundleChanges = {}
        for file in files:
            if self.is_editable(file):
                planned = plan_replace_all(self.require_table(file), options, replacement, columns)
                if planned:
                    changes[file] = planned
        count = count_cells(changes)
        edit = self.change_cells(changes, f"Replace \u201c{options.text}\u201d in {plural(count, 'cell')}")
        return with_intent(edit, self._replaced_all(files, options, replacement, columns))

    def _replaced_all(self, files: Sequence[str], options: SearchOptions, replacement: str,
                      columns: Sequence[int] | None) -> ReplacedAll:
        """Replace all in general terms: every file when all were searched, columns by name."""
        editable = [n for n in self.file_names if self.is_editable(n)]
        every = len(editable) > 1 and set(editable) <= set(files)
        names: dict[str, None] = {}
        for file in files:
            header = self.require_table(file).header if self.is_editable(file) else []
            names.update((header[c], None) for c in columns or () if c < len(header))
        return ReplacedAll(options, replacement, () if every else tuple(files), tuple(names))

    @records_edit
    def replace_in_cell(self, file: str, row: int, col: int, options: SearchOptions,
                        replacement: str) -> CellsEdit | None:
        """Replace in one cell (table row) if it matches."""
        table = self.require_table(file)
        planned = plan_replace_all(table, options, replacement, [col], only_rows=[row])
        return self.change_cells({file: planned}, "Replace in 1 cell")

    # -- quick fixes -------------------------------------------------------------------------------

    @records_edit
    def fix_cell(self, file: str, finding: Finding) -> CellsEdit | None:
        """Apply a finding's certain fix to its own cell; None if the cell changed since."""
        table = self.require_table(file)
        change = plan_fix_one(table, finding)
        if change is None:
            return None
        edit = self.change_cells(
            {file: [change]},
            f"Fix {table.header[change.col]}: \u201c{change.old}\u201d \u2192 \u201c{change.new}\u201d")
        return with_intent(edit, CellFixed(file, table.header[change.col], finding.rule, change.old,
                                           self._profile))

    def fix_all_changes(self, file: str, finding: Finding) -> list[CellChange]:
        """Every cell of the finding's column with the same problem, and its fix."""
        table, result = self.table(file), self.result
        col = finding.column_index
        if table is None or col is None:
            return []
        # Asked of each distinct value once, not of every finding in the column.
        fixes = result.value_fixes(file, finding.rule, col) if result is not None else {}
        if finding.value is not None and finding.fix is not None:
            fixes.setdefault(finding.value, finding.fix)
        return plan_fix_all(table, col, fixes)

    @records_edit
    def fix_all(self, file: str, finding: Finding) -> CellsEdit | None:
        """Fix every cell in the column like this one, as one step."""
        changes = self.fix_all_changes(file, finding)
        if not changes or finding.column_index is None:
            return None
        column = self.require_table(file).header[finding.column_index]
        # Say what changed, as the single-cell fix does; the rule id means nothing to users.
        edit = self.change_cells(
            {file: changes},
            f"Fix {plural(len(changes), 'cell')} in {column}: "
            f"\u201c{changes[0].old}\u201d \u2192 \u201c{changes[0].new}\u201d"
            + (", \u2026" if len(changes) > 1 else ""))
        return with_intent(edit, ColumnFixed(file, column, finding.rule, self._profile))

    # -- several operations as one step -----------------------------------------------------------

    @records_edit
    def as_one_step(self, work: Callable[[], tuple[str, Sequence[Edit]]]) -> EditSequence | None:
        """Run `work` (this session's operations, e.g. a replayed fix recipe) as one undo step.

        `work` makes the edits and returns what they did in words with the edits it got back;
        None if it made none.
        """
        description, made = work()
        return EditSequence(description, made) if made else None

    # -- rows --------------------------------------------------------------------------------------

    @records_edit
    def insert_blank_rows(self, file: str, at: int, count: int, *, below: bool = False) -> StructureEdit:
        table = self.require_table(file)
        where = "below" if below else "above"
        return self._structure(file, row_edits.insert_blank_rows(table, at, count), "rows",
                               f"Insert {plural(count, 'row')} {where}")

    @records_edit
    def insert_rows(self, file: str, at: int, rows: Sequence[Sequence[str]]) -> StructureEdit:
        table = self.require_table(file)
        return self._structure(file, row_edits.insert_rows(table, at, rows), "rows",
                               f"Insert {plural(len(rows), 'row')}")

    @records_edit
    def duplicate_rows(self, file: str, rows: Sequence[int]) -> StructureEdit | None:
        if not rows:
            return None
        table = self.require_table(file)
        return self._structure(file, row_edits.duplicate_rows(table, rows), "rows",
                               f"Duplicate {plural(len(set(rows)), 'row')}")

    @records_edit
    def delete_rows(self, file: str, rows: Sequence[int]) -> StructureEdit | None:
        if not rows:
            return None
        table = self.require_table(file)
        return self._structure(file, row_edits.delete_rows(table, rows), "rows",
                               f"Delete {plural(len(set(rows)), 'row')}")

    # -- columns -----------------------------------------------------------------------------------

    @records_edit
    def insert_column(self, file: str, at: int, name: str) -> StructureEdit:
        """A new column of empty values at position `at` (column_count appends)."""
        table = self.require_table(file)
        edit = self._structure(file, column_edits.insert_column(table, at, name), "columns",
                               f"Insert column {name or '(unnamed)'}")
        return with_intent(edit, ColumnInserted(file, tuple(table.header), at))

    @records_edit
    def delete_columns(self, file: str, cols: Sequence[int]) -> StructureEdit | None:
        if not cols:
            return None
        table = self.require_table(file)
        change = column_edits.delete_columns(table, list(cols))
        names = change.names
        what = f"column {names[0] or '(unnamed)'}" if len(names) == 1 else plural(len(names), "column")
        edit = self._structure(file, change, "columns", f"Delete {what}")
        return with_intent(edit, ColumnsDeleted(file, tuple(names)))

    @records_edit
    def rename_column(self, file: str, col: int, name: str) -> StructureEdit | None:
        table = self.require_table(file)
        if table.header[col] == name:
            return None
        old = table.header[col]
        edit = self._structure(file, column_edits.rename_column(table, col, name), "columns",
                               f"Rename column {old or '(unnamed)'} to {name}")
        return with_intent(edit, ColumnRenamed(file, old, name))

    @records_edit
    def move_column(self, file: str, col: int, to: int) -> StructureEdit | None:
        table = self.require_table(file)
        if col == to:
            return None
        name = table.header[col] or "(unnamed)"
        edit = self._structure(file, column_edits.move_column(table, col, to), "columns",
                               f"Move column {name}")
        return with_intent(edit, ColumnMoved(file, tuple(table.header), to))

    @records_edit
    def fix_header(self, file: str, fix: ColumnFix, name: str | None = None) -> Edit | None:
        """Make one fix of a header finding (see header_fixes) as one step; `name` is the
        user's answer where the fix asks for a column name."""
        new_name = fix.name if fix.name is not None else name
        if fix.kind == "delete":
            return self.delete_columns(file, list(fix.columns))
        if fix.kind == "insert" and fix.at is not None and new_name is not None:
            return self.insert_column(file, fix.at, new_name)
        if fix.kind == "rename" and new_name is not None:
            return self.rename_column(file, fix.columns[0], new_name)
        if fix.kind == "move" and fix.at is not None:
            return self.move_column(file, fix.columns[0], fix.at)
        if fix.kind == "reorder":
            steps = [self.move_column(file, at, to) for at, to in reorder_moves(fix.order)]
            made: list[Edit] = [step for step in steps if step is not None]
            return EditSequence(fix.label, made) if made else None
        return None

    # -- how every edit reaches the tables (Edit.undo and Edit.redo come back here) ------------------

    def apply_cell_changes(self, changes: BundleChanges, *, reverse: bool = False) -> None:
        """Write recorded changes (or put back their old text), announce them, re-check."""
        names = list(changes)
        for name in reversed(names) if reverse else names:
            table = self.require_table(name)
            file_changes = changes[name]
            touched = (revert_changes if reverse else apply_changes)(table, file_changes)
            columns = tuple(sorted({c.col for c in file_changes}))
            self.events.cells_changed.emit(CellsChanged(name, tuple(touched), columns))
            self._refresh_pinned(name, touched,
                                 partial(self.checking.cells_changed, name, touched, columns))

    def apply_table_change(self, file: str, change: TableChange, structure: Structure, *,
                           reverse: bool = False) -> None:
        table = self.require_table(file)
        if reverse:
            change.undo(table)
        else:
            change.redo(table)
        self._structure_changed(file, structure)

    def _structure(self, file: str, change: TableChange, structure: Structure,
                   description: str) -> StructureEdit:
        """Announce a structural change already made, and record it."""
        self._structure_changed(file, structure)
        edit = StructureEdit(self, file, change, structure, description)
        self._leaf_made(edit)
        return edit

    def _structure_changed(self, file: str, structure: Structure) -> None:
        if structure == "rows":
            self.events.rows_changed.emit(RowsChanged(file))
        else:
            self._references = None  # a renamed column may now be (or no longer be) a reference
            self.events.columns_changed.emit(ColumnsChanged(file))
        self._refresh_pinned(file, None, self.checking.structure_changed)

    # -- what the edit_observer hears ------------------------------------------------------------

    def _leaf_made(self, edit: Edit) -> None:
        if self.edit_observer is not None:
            self.edit_observer.leaf_made(edit)

    def _edit_made(self, edit: Edit) -> None:
        self.watch_edit(edit)
        if self.edit_observer is not None:
            self.edit_observer.edit_made(edit)

    def watch_edit(self, edit: Edit) -> None:
        """From now on `edit` and its parts tell the edit_observer of their undos and redos
        (done for every edit an operation returns, and for edits recovered from a journal)."""
        nodes: list[Edit] = [edit]
        while nodes:
            node = nodes.pop()
            if isinstance(node, ObservedEdit):
                node.observer = self._relay
            if isinstance(node, EditSequence):
                nodes.extend(node.steps)
