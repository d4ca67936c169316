"""Validate a whole bundle, then keep the findings current as cells change."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from functools import partial

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from rostereditor.core.bundle import Bundle
from rostereditor.core.spec import spec_for
from rostereditor.core.spec.model import ColumnSpec, DatesWithinSessions
from rostereditor.core.spec.vendor_profile import Profile
from rostereditor.core.table import Table
from rostereditor.core.validation.bundle_checks import bundle_findings
from rostereditor.core.validation.class_enrollment_checks import (
    NO_TEACHER,
    SCHOOL_MISMATCH,
    ClassSchools,
    no_teacher_batches,
    school_mismatch_batches,
    teacher_classes,
)
from rostereditor.core.validation.column_job import CheckedColumn, check_column
from rostereditor.core.validation.column_snapshot import ColumnSnapshot
from rostereditor.core.validation.cross_file_checks import CHECKS as CROSS_FILE_CHECKS
from rostereditor.core.validation.cross_file_checks import CrossFileCheck
from rostereditor.core.validation.distinct_values import DistinctValues, by_distinct_value
from rostereditor.core.validation.file_context import FileContext
from rostereditor.core.validation.file_findings import FileFindings, sources_of
from rostereditor.core.validation.finding import Finding, Severity
from rostereditor.core.validation.finding_batch import FindingBatch, Place
from rostereditor.core.validation.header_checks import header_findings
from rostereditor.core.validation.missing_target_checks import file_mode
from rostereditor.core.validation.notice_findings import notice_findings
from rostereditor.core.validation.primary_teacher_checks import primary_teacher_batches
from rostereditor.core.validation.profiles import get_profile
from rostereditor.core.validation.record_checks import record_batches
from rostereditor.core.validation.reference_checks import TargetKeys, reference_batches
from rostereditor.core.validation.row_shape_checks import row_shape_batches
from rostereditor.core.validation.session_date_checks import (
    SessionSpans,
    Span,
    outside_session_batches,
    owners_with_changed_spans,
    session_dates,
    session_spans,
    span_of_sessions,
)
from rostereditor.core.validation.uniqueness_checks import duplicate_batches
from rostereditor.core.validation.validation_result import (
    ValidationCancelled,
    ValidationResult,
)
from rostereditor.core.validation.value_checks import ColumnCheck

Progress = Callable[[float], bool]
_POOL = ThreadPoolExecutor(max_workers=max(2, min(4, os.cpu_count() or 2)),
                           thread_name_prefix="validation")
CELLS, UNIQUE, PRIMARY, DATES = "cells", "unique", "primary", "dates"
# Above this many rows, gathering cells through the Arrow column beats reading them one by one.
_BULK_GATHER_ROWS = 4096


class BundleValidator:
    """Checks a bundle against one OneRoster version and one vendor profile."""

    def __init__(self, bundle: Bundle, profile: str | Profile = "1edtech",
                 version: str | None = None) -> None:
        self.bundle = bundle
        self.profile = get_profile(profile) if isinstance(profile, str) else profile
        self.version = version or bundle.detected_version
        self.spec = spec_for(self.version)
        self._fixed: dict[str | None, list[Finding]] = {}
        # file -> family -> batches; a family is what one kind of re-check replaces.
        self._batches: dict[str, dict[str, list[FindingBatch]]] = {}
        self._contexts: dict[str, FileContext] = {}
        self._snapshots: dict[tuple[str, int], ColumnSnapshot] = {}
        self._targets: dict[str, tuple[int, TargetKeys]] = {}
        self._spans: tuple[tuple[int, ...], SessionSpans | None] | None = None
        self._sessions_cache: tuple[tuple[int, int], dict[str, Span | None]] | None = None
        self._parts_cache: dict[str | None, tuple[tuple[object, ...], FileFindings]] = {}
        # During a full run only: distinct values of the reference columns, for their checks.
        self._distinct: dict[tuple[str, int], DistinctValues | None] = {}
        self._class_schools_cache: tuple[int, ClassSchools] | None = None

    # -- full validation -------------------------------------------------------------------

    def run(self, progress: Progress | None = None) -> ValidationResult:
        self._fixed, self._batches, self._contexts = {}, {}, {}
        self._snapshots, self._targets, self._spans = {}, {}, None
        self._sessions_cache = None
        self._distinct, self._class_schools_cache = {}, None
        self._bundle_level()
        names = [n for n in self.bundle.data_file_names if self.spec.file(n) is not None]
        total = sum(max(len(self.bundle.files[n].table), 1) for n in names) or 1
        # Arrow kernels release the GIL, so the columns of every file are checked side by side
        # on all cores; results are gathered file by file, in order, to report progress.
        started = [self._start_file(name) for name in names]
        crosses = []
        done = 0
        for name, (_, finish) in zip(names, started, strict=True):
            finish()
            # Queued now, not after the last file, so the pool never waits for the main thread.
            crosses.append(self._start_cross(name))
            done += max(len(self.bundle.files[name].table), 1)
            if progress is not None and progress(done / total * 0.8) is False:
                for later, _ in started:
                    for future in later:
                        future.cancel()
                raise ValidationCancelled
        # Joining enrollments to their classes' terms runs beside the reference checks.
        dates = _POOL.submit(self._session_date_batches, None)
        relations = [((check.subject, check.family), _POOL.submit(
            check.run, self.bundle, self.profile)) for check in self._cross_file_checks()]
        classes = _POOL.submit(self._class_enrollment_batches)
        for finish in crosses:
            finish()
        self._store_session_dates(None, dates.result())
        for (file, family), job in relations:
            self._batches[file][family] = job.result()
        for (file, family), batches in classes.result().items():
            self._batches[file][family] = batches
        self._distinct = {}
        if progress is not None and progress(1.0) is False:
            raise ValidationCancelled
        return self._result()

    def revalidate_all(self) -> ValidationResult:
        return self.run()

    def _bundle_level(self) -> None:
        self._fixed = {}
        for finding in (*notice_findings(self.bundle),
                        *bundle_findings(self.bundle, self.spec, self.profile)):
            self._fixed.setdefault(finding.file, []).append(finding)
        for name in self.bundle.data_file_names:
            for finding in header_findings(name, self.bundle.files[name].table,
                                           self.spec.file(name), self.profile):
                self._fixed.setdefault(name, []).append(finding)

    def _start_file(self, name: str) -> tuple[list[Future[CheckedColumn]], Callable[[], None]]:
        """Queue the checks of one file's columns; returns them and what stores their results."""
        table = self.bundle.files[name].table
        spec = self.spec.file(name)
        assert spec is not None  # run() starts only the files this version defines
        ctx = FileContext(name, table, spec, self.profile, self.version,
                          file_mode(self.bundle, self.spec, name))
        self._contexts[name] = ctx
        families: dict[str, list[FindingBatch]] = {CELLS: [], UNIQUE: [], PRIMARY: []}
        self._batches[name] = families
        row_ids = table.row_ids()
        families[CELLS].extend(row_shape_batches(name, table, table.ragged_rows()))
        blank_rows = [table.row_id(r) for r in table.ragged_rows() if table.field_count(r) == 0]
        keep = ~np.isin(row_ids, blank_rows) if blank_rows else None
        ids = row_ids[keep] if keep is not None else row_ids

        def column_values(index: int) -> pa.Array:
            values = table.column_array(index)
            return values.filter(pa.array(keep)) if keep is not None else values

        columns = ctx.mapped_columns()
        # Each job also gathers its column: with many edits that is slow Python work in the
        # table, which then overlaps the Arrow work of other columns.
        futures = [_POOL.submit(check_column, ctx, index, column, partial(column_values, index),
                                ids) for index, column in columns]

        def finish() -> None:
            for (index, column), future in zip(columns, futures, strict=True):
                checked = future.result()
                families[CELLS].extend(checked.findings)
                families[UNIQUE].extend(checked.duplicates)
                looked_up = self._needs_snapshot(name, column)
                if looked_up or index in ctx.zero_pad_stats or index in ctx.grade_padding:
                    # Rows found by value (references, keys), or statistics that follow edits.
                    self._snapshots[(name, index)] = ColumnSnapshot(
                        checked.values, ids, checked.distinct if looked_up else None)
                    self._distinct[(name, index)] = checked.distinct
                elif (name, column.name) == ("enrollments.csv", "role"):
                    self._distinct[(name, index)] = checked.distinct  # for teacher checks
            families[CELLS].extend(record_batches(ctx, lambda column: _or_none(
                ctx.index_of(column), column_values), ids))

        return futures, finish

    def _needs_snapshot(self, name: str, column: ColumnSpec) -> bool:
        spec = self.spec.file(name)
        return column.kind in ("ref", "ref_list") or (spec is not None and column.name == spec.key)

    def _start_cross(self, name: str) -> Callable[[], None]:
        """Queue the checks of one file against others; returns what stores their results."""
        ctx = self._contexts[name]
        table = ctx.table
        jobs: list[tuple[str, Future[list[FindingBatch]]]] = []
        for index, column in ctx.mapped_columns():
            if not self._checks_references(column):
                continue
            snapshot = self._snapshots[(name, index)]
            place, target = Place(name, column.name, index), self._target_keys(column)
            jobs.append(("ref:" + column.name, _POOL.submit(
                by_distinct_value, partial(reference_batches, place, column, target=target,
                                           delta=ctx.mode == "delta"),
                snapshot.values, snapshot.row_ids, self._distinct.get((name, index)))))
        columns = [ctx.index_of(c) for c in ("classSourcedId", "role", "primary")]
        if name == "enrollments.csv" and None not in columns:
            arrays = [table.column_array(i) for i in columns]  # type: ignore[arg-type]
            jobs.append((PRIMARY, _POOL.submit(partial(
                primary_teacher_batches, severity=self._severity("class.primary-teachers")),
                Place(name, "primary", columns[2]), *arrays, table.row_ids())))

        def finish() -> None:
            for family, future in jobs:
                self._batches[name][family] = future.result()

        return finish

    def _checks_references(self, column: ColumnSpec) -> bool:
        """Reference columns whose target file is there (a missing file is one finding)."""
        return column.kind in ("ref", "ref_list") and column.target in self.bundle.files

    def _target_keys(self, column: ColumnSpec) -> TargetKeys | None:
        target = column.target
        if target is None or target not in self.bundle.files:
            return None
        table = self.bundle.files[target].table
        cached = self._targets.get(target)
        if cached is not None and cached[0] == table.version:
            return cached[1]
        target_spec = self.spec.file(target)
        key_index = table.column_index((target_spec.key if target_spec else None) or "sourcedId")
        if key_index is None:
            return None
        constraint = column.target_type
        type_index = table.column_index(constraint.column) if constraint else None
        if type_index is None:
            type_index = next((table.column_index(c) for c in ("type", "role")
                               if table.column_index(c) is not None), None)
        keys = TargetKeys(target, table.column_array(key_index),
                          table.column_array(type_index) if type_index is not None else None)
        self._targets[target] = (table.version, keys)
        return keys

    def _result(self) -> ValidationResult:
        files = list(self._fixed) + [f for f in self._batches if f not in self._fixed]
        parts: dict[str | None, FileFindings] = {}
        for file in files:
            batches = [b for family in self._batches.get(file, {}).values() for b in family] \
                if file is not None else []
            table = self.bundle.table(file) if file else None
            parts[file] = self._part(file, table, list(self._fixed.get(file, [])), batches)
        return ValidationResult(self.bundle, parts, self.version, self.profile.name)

    def _part(self, file: str | None, table: Table | None, fixed: list[Finding],
              batches: list[FindingBatch]) -> FileFindings:
        """One file's findings, reused from the last result when nothing in it changed, else
        updated from it (only what the re-check dropped or added is touched).

        Batches and findings are immutable and the cache keeps them alive, so their ids
        identify them.
        """
        key = (table.version if table is not None else None,
               tuple(map(id, fixed)), tuple(map(id, batches)))
        cached = self._parts_cache.get(file)
        if cached is not None and cached[0] == key:
            return cached[1]
        part = FileFindings(file, table, sources_of(fixed, batches),
                            previous=cached[1] if cached is not None else None)
        self._parts_cache[file] = (key, part)
        return part

    # -- incremental re-validation -----------------------------------------------------------

    def revalidate(self, name: str, row_ids: Iterable[int],
                   columns: Iterable[int] | None = None) -> ValidationResult:
        """Re-check the given rows of one file after cell edits or inserted rows.

        columns (optional): the column indices that were edited. Checks across records that
        cannot depend on them (uniqueness of an untouched key, primary teachers when only a
        date changed) are then skipped; None means any column may have changed.
        """
        touched = None if columns is None else set(columns)

        def involves(*indices: int | None) -> bool:
            return touched is None or any(i in touched for i in indices if i is not None)

        if name not in self._contexts:
            if name == "manifest.csv" or name in self.bundle.files:
                self._bundle_level()
            return self._result()
        ctx = self._contexts[name]
        table = ctx.table
        wanted = np.unique(np.asarray(list(row_ids), dtype=np.int64))
        positions, present = _positions(table, wanted)
        families = self._batches[name]
        key_index = ctx.index_of(ctx.spec.key) if ctx.spec.key else None
        old_values: dict[int, set[str]] = {}
        statistics_moved = False
        gathered: dict[int, pa.Array] = {}

        def cells(index: int) -> pa.Array:
            """The edited rows' values in one column, gathered once for every check below."""
            if index not in gathered:
                gathered[index] = _cells(table, positions, index)
            return gathered[index]

        for (file, index), snapshot in self._snapshots.items():
            if file != name:
                continue
            news = cells(index)
            olds = snapshot.update_many(present, news)
            old_values[index] = {old for old in olds if old is not None}
            if index in ctx.zero_pad_stats or index in ctx.grade_padding:
                statistics_moved |= _count_changes(ctx, index, olds, news.to_pylist())
        if statistics_moved:
            # Every value in that column is judged against the new statistic: check again.
            return self.run()
        old_keys = old_values.get(key_index, set()) if key_index is not None else set()
        # Values of the rows themselves.
        _drop(families, CELLS, wanted)
        families[CELLS].extend(row_shape_batches(name, table, positions.tolist()))
        for index, column in ctx.mapped_columns():
            families[CELLS].extend(ColumnCheck(ctx, index, column, cells(index), present).run())
        families[CELLS].extend(record_batches(ctx, lambda column: _or_none(
            ctx.index_of(column), cells), present))
        new_keys = set(cells(key_index).to_pylist()) if key_index is not None else set()
        if key_index is not None and involves(key_index):
            self._recheck_unique(ctx, key_index, old_keys | new_keys, present)
        if key_index is not None and involves(key_index, *self._type_columns(name)):
            # References elsewhere check these records' key and their type (a schoolSourcedId
            # must name an org of type school), so either change re-checks them.
            self._recheck_inbound(name, old_keys | new_keys)
        self._recheck_outbound(ctx, present, touched)
        if involves(*self._session_date_columns(name)):
            self._recheck_session_dates(name, present, positions, old_values)
        else:
            self._spans_still_current(name)
        self._recheck_class_enrollments(ctx, present, positions, old_values, involves)
        self._recheck_cross_file(name, touched)
        self._bundle_level()
        return self._result()

    # -- classes and their enrollments, and the checks that join whole files ------------------

    def _cross_file_checks(self) -> list[CrossFileCheck]:
        return [check for check in CROSS_FILE_CHECKS
                if self.version in check.versions and check.subject in self._contexts]

    def _recheck_cross_file(self, name: str, touched: set[int] | None) -> None:
        header = self.bundle.files[name].table.header
        names = None if touched is None else {header[i] for i in touched if i < len(header)}
        for check in self._cross_file_checks():
            if not any(file == name and (names is None or column in names)
                       for file, column in check.reads):
                continue
            self._batches[check.subject][check.family] = check.run(self.bundle, self.profile)

    def _class_parts(self) -> tuple[FileContext, FileContext, list[int | None]] | None:
        """enrollments and classes, and the columns these checks read (None: cannot check)."""
        enrollments, classes = (self._contexts.get(n) for n in ("enrollments.csv", "classes.csv"))
        if enrollments is None or classes is None:
            return None
        columns = [enrollments.index_of(c) for c in ("classSourcedId", "schoolSourcedId", "role")]
        columns += [classes.index_of(c) for c in ("sourcedId", "schoolSourcedId")]
        return enrollments, classes, columns

    def _both_bulk(self) -> bool:
        """Whether classes and enrollments are complete (bulk): in delta files a class's
        teacher may have been enrolled in an earlier upload."""
        return all(self._contexts[n].mode == "bulk" for n in ("classes.csv", "enrollments.csv"))

    def _severity(self, rule: str) -> Severity:
        return self.profile.severity(rule, "warning")  # type: ignore[return-value]

    def _class_schools(self) -> ClassSchools | None:
        parts = self._class_parts()
        if parts is None or None in parts[2][3:]:
            return None
        table = parts[1].table
        cached = self._class_schools_cache
        if cached is not None and cached[0] == table.version:
            return cached[1]
        keys, schools = (_whole(table.column_array(i)) for i in parts[2][3:])  # type: ignore[arg-type]
        target = ClassSchools(keys, schools)
        self._class_schools_cache = (table.version, target)
        return target

    def _class_enrollment_batches(self) -> dict[tuple[str, str], list[FindingBatch]]:
        """Full run: enrollment schools against their classes', and classes without a teacher
        (run beside the reference checks: it only reads the snapshots)."""
        found: dict[tuple[str, str], list[FindingBatch]] = {}
        parts = self._class_parts()
        if parts is None:
            return found
        enrollments, _, (klass, school, role, key, _) = parts
        target = self._class_schools()
        if klass is not None and school is not None and target is not None:
            by_class = self._snapshots[("enrollments.csv", klass)]
            by_school = self._snapshots[("enrollments.csv", school)]
            found[("enrollments.csv", SCHOOL_MISMATCH)] = school_mismatch_batches(
                Place("enrollments.csv", "schoolSourcedId", school), by_class.values,
                by_school.values, by_class.row_ids, target=target,
                severity=self._severity(SCHOOL_MISMATCH),
                class_distinct=self._distinct.get(("enrollments.csv", klass)),
                school_distinct=self._distinct.get(("enrollments.csv", school)))
        if klass is not None and role is not None and key is not None and self._both_bulk():
            table = enrollments.table
            taught = teacher_classes(table.column_array(klass), table.column_array(role),
                                     self._distinct.get(("enrollments.csv", klass)),
                                     self._distinct.get(("enrollments.csv", role)))
            keys = self._snapshots[("classes.csv", key)]
            found[("classes.csv", NO_TEACHER)] = no_teacher_batches(
                Place("classes.csv", "sourcedId", key), keys.values, keys.row_ids, taught,
                self._severity(NO_TEACHER))
        return found

    def _recheck_class_enrollments(self, ctx: FileContext, rows: np.ndarray,
                                   positions: np.ndarray, old_values: dict[int, set[str]],
                                   involves: Callable[..., bool]) -> None:
        if ctx.file == "enrollments.csv":
            self._recheck_teachers(ctx, rows, positions, old_values, involves)
        parts = self._class_parts()
        if parts is None or ctx.file not in ("enrollments.csv", "classes.csv"):
            return
        _, _, (klass, school, _, key, class_school) = parts
        if ctx.file == "enrollments.csv":
            if involves(klass, school):
                self._recheck_school_mismatch(rows)
            return
        if key is None:
            return
        changed = old_values.get(key, set()) | set(_cells(ctx.table, positions, key).to_pylist())
        if involves(key, class_school) and klass is not None:
            by_class = self._snapshots[("enrollments.csv", klass)]
            self._recheck_school_mismatch(by_class.rows_with(changed))
        if involves(key):
            self._recheck_no_teacher(changed, edited=rows)

    def _recheck_teachers(self, ctx: FileContext, rows: np.ndarray, positions: np.ndarray,
                          old_values: dict[int, set[str]], involves: Callable[..., bool]) -> None:
        """After enrollment edits: primary teachers and teacherless classes, for the classes
        the edited rows belong to now or belonged to before (one lookup serves both)."""
        klass, role, primary = (ctx.index_of(c) for c in ("classSourcedId", "role", "primary"))
        if klass is None or (ctx.file, klass) not in self._snapshots or not involves(
                klass, role, primary):
            return
        affected = old_values.get(klass, set()) | set(
            _cells(ctx.table, positions, klass).to_pylist())
        members = self._snapshots[(ctx.file, klass)].rows_with(affected)
        if role is not None and primary is not None:
            self._recheck_primary(ctx, np.union1d(members, rows))
        if involves(klass, role):
            self._recheck_no_teacher(affected, members)

    def _recheck_school_mismatch(self, rows: np.ndarray) -> None:
        parts, target = self._class_parts(), self._class_schools()
        if parts is None or target is None or None in parts[2][:2]:
            return
        enrollments = parts[0]
        klass, school = parts[2][0], parts[2][1]
        positions, present = _positions(enrollments.table, rows)
        classes, schools = (_cells(enrollments.table, positions, i)  # type: ignore[arg-type]
                            for i in (klass, school))
        families = self._batches["enrollments.csv"]
        _drop(families, SCHOOL_MISMATCH, rows)
        families[SCHOOL_MISMATCH].extend(school_mismatch_batches(
            Place("enrollments.csv", "schoolSourcedId", school), classes, schools, present,
            target=target, severity=self._severity(SCHOOL_MISMATCH)))

    def _recheck_no_teacher(self, class_keys: set[str], members: np.ndarray | None = None,
                            edited: np.ndarray | None = None) -> None:
        """Classes with these keys; members: the enrollment rows of those classes if known;
        edited: class rows just edited (a class whose key went blank has none of the keys)."""
        parts = self._class_parts()
        if parts is None:
            return
        enrollments, classes, (klass, _, role, key, _) = parts
        if klass is None or role is None or key is None or not class_keys or \
                not self._both_bulk():
            return
        rows = self._snapshots[("enrollments.csv", klass)].rows_with(class_keys) \
            if members is None else members
        positions, _ = _positions(enrollments.table, rows)
        taught = teacher_classes(_cells(enrollments.table, positions, klass),
                                 _cells(enrollments.table, positions, role))
        class_rows = self._snapshots[("classes.csv", key)].rows_with(class_keys)
        if edited is not None:
            class_rows = np.union1d(class_rows, edited)
        class_positions, present = _positions(classes.table, class_rows)
        families = self._batches["classes.csv"]
        _drop(families, NO_TEACHER, class_rows)
        families[NO_TEACHER].extend(no_teacher_batches(
            Place("classes.csv", "sourcedId", key), _cells(classes.table, class_positions, key),
            present, taught, self._severity(NO_TEACHER)))

    def _type_columns(self, name: str) -> list[int | None]:
        """Columns of `name` that references into it read as the target's type."""
        ctx = self._contexts[name]
        names = {"type", "role"}  # what _target_keys falls back to
        for other in self._contexts.values():
            for _, column in other.mapped_columns():
                if column.target == name and column.target_type is not None:
                    names.add(column.target_type.column)
        return [ctx.index_of(n) for n in names]

    def _session_date_columns(self, name: str) -> list[int | None]:
        """Columns of `name` that the dates-inside-sessions check reads."""
        rule = self.spec.dates_within_sessions
        ctx = self._contexts.get(name)
        if rule is None or ctx is None:
            return []
        key = ctx.spec.key or ""
        names = {rule.file: (rule.owner_column, rule.begin, rule.end),
                 rule.owner_file: (key, rule.sessions_column),
                 rule.sessions_file: (key, rule.session_start, rule.session_end)}.get(name, ())
        return [ctx.index_of(column) for column in names]

    def _recheck_unique(self, ctx: FileContext, key_index: int, keys: set[str],
                        changed: np.ndarray) -> None:
        snapshot = self._snapshots[(ctx.file, key_index)]
        candidates = np.union1d(snapshot.rows_with(keys), changed)
        positions, present = _positions(ctx.table, candidates)
        array = _cells(ctx.table, positions, key_index)
        counted = pc.value_counts(array)
        repeated = counted.field("values").filter(pc.greater(counted.field("counts"), 1))
        mask = np.asarray(pc.and_(pc.is_in(array, value_set=repeated), pc.not_equal(array, ""))
                          .to_numpy(zero_copy_only=False), dtype=bool)
        families = self._batches[ctx.file]
        _drop(families, UNIQUE, candidates)
        if mask.any():
            families[UNIQUE].extend(duplicate_batches(
                Place(ctx.file, ctx.spec.key, key_index), array.filter(pa.array(mask)),
                present[mask]))

    def _recheck_primary(self, ctx: FileContext, candidates: np.ndarray) -> None:
        """Primary teachers among these rows (every row of the classes they concern)."""
        klass, role, primary = (ctx.index_of(c) for c in ("classSourcedId", "role", "primary"))
        if klass is None or role is None or primary is None:
            return
        places, present = _positions(ctx.table, candidates)
        classes, roles, primaries = (_cells(ctx.table, places, i) for i in (klass, role, primary))
        _drop(self._batches[ctx.file], PRIMARY, candidates)
        self._batches[ctx.file][PRIMARY].extend(primary_teacher_batches(
            Place(ctx.file, "primary", primary), classes, roles, primaries, present,
            severity=self._severity("class.primary-teachers")))

    # -- dates inside sessions (enrollments inside their class's terms) ----------------------

    def _check_session_dates(self, rows: np.ndarray) -> None:
        """Re-check these rows of the dated file."""
        self._store_session_dates(rows, self._session_date_batches(rows))

    def _store_session_dates(self, rows: np.ndarray | None,
                             batches: list[FindingBatch] | None) -> None:
        rule = self.spec.dates_within_sessions
        if rule is None or batches is None:
            return
        families = self._batches[rule.file]
        if rows is None:
            families[DATES] = []
        else:
            _drop(families, DATES, rows)
        families[DATES].extend(batches)

    def _session_date_batches(self, rows: np.ndarray | None) -> list[FindingBatch] | None:
        """Findings for these rows of the dated file (None: all rows); None if not checkable."""
        rule = self.spec.dates_within_sessions
        ctx = self._contexts.get(rule.file) if rule is not None else None
        if rule is None or ctx is None:
            return None
        indices = [ctx.index_of(c) for c in (rule.owner_column, rule.begin, rule.end)]
        if None in indices:
            return None
        if rows is None:
            row_ids = ctx.table.row_ids()
            arrays = [ctx.table.column_array(i) for i in indices]  # type: ignore[arg-type]
        else:
            positions, row_ids = _positions(ctx.table, rows)
            arrays = [_cells(ctx.table, positions, i) for i in indices]  # type: ignore[arg-type]
        spans = self._session_spans(rule)
        if spans is None:
            return []
        places = (Place(rule.file, rule.begin, indices[1]), Place(rule.file, rule.end, indices[2]))
        return outside_session_batches(rule, places, (arrays[0], arrays[1], arrays[2]), row_ids,
                                       spans)

    def _recheck_session_dates(self, name: str, rows: np.ndarray, positions: np.ndarray,
                               old_values: dict[int, set[str]]) -> None:
        """After an edit: the edited dated rows, or those whose class's span of terms moved."""
        rule = self.spec.dates_within_sessions
        if rule is None or rule.file not in self._contexts:
            return
        if name == rule.file:
            self._check_session_dates(rows)
            return
        if name not in (rule.owner_file, rule.sessions_file):
            return
        before = self._spans[1] if self._spans is not None else None
        owners = self._owners_of_edited(rule, name, positions, old_values)
        if before is not None and owners is not None:
            # Only the owners whose rows were edited, or whose sessions were, can have moved.
            moved = {key: span for key, span in self._current_spans(rule, owners).items()
                     if before.span(key) != span}
            self._spans = (self._spans_stamp(rule), before.patched(moved))
            changed = pa.array(list(moved), pa.string())
        else:
            after = self._session_spans(rule)
            if after is None:
                changed = before.keys if before is not None else pa.array([], pa.string())
            else:
                changed = owners_with_changed_spans(before, after)
        if len(changed):
            self._check_session_dates(self._rows_owned_by(rule, changed))

    def _spans_still_current(self, name: str) -> None:
        """An edit to the owners' or sessions' file that the spans do not read keeps them."""
        rule = self.spec.dates_within_sessions
        if rule is not None and self._spans is not None and self._spans[1] is not None \
                and name in (rule.owner_file, rule.sessions_file):
            self._spans = (self._spans_stamp(rule), self._spans[1])

    def _owners_of_edited(self, rule: DatesWithinSessions, name: str, positions: np.ndarray,
                          old_values: dict[int, set[str]]) -> set[str] | None:
        """Keys of the owners whose span the edited rows can move (None: not known cheaply)."""
        owner_key, owner_sessions = self._owner_columns(rule)
        ctx = self._contexts.get(name)
        key = ctx.index_of(ctx.spec.key or "") if ctx is not None else None
        if ctx is None or key is None or owner_key is None or owner_sessions is None:
            return None
        keys = old_values.get(key, set()) | set(_cells(ctx.table, positions, key).to_pylist())
        if name == rule.owner_file:
            return keys
        listing = self._snapshots.get((rule.owner_file, owner_sessions))
        owners = self._contexts.get(rule.owner_file)
        if listing is None or owners is None:
            return None
        rows, _ = _positions(owners.table, listing.rows_with(keys, in_list=True))
        return set(_cells(owners.table, rows, owner_key).to_pylist())

    def _owner_columns(self, rule: DatesWithinSessions) -> tuple[int | None, int | None]:
        owners = self._contexts.get(rule.owner_file)
        if owners is None:
            return None, None
        return owners.index_of(owners.spec.key or ""), owners.index_of(rule.sessions_column)

    def _current_spans(self, rule: DatesWithinSessions, keys: set[str]) -> dict[str, Span | None]:
        """The spans these owners have now, from their rows (the first usable row of a key)."""
        owners = self._contexts[rule.owner_file]
        key, listing = self._owner_columns(rule)
        snapshot = self._snapshots.get((rule.owner_file, key)) if key is not None else None
        assert key is not None
        assert listing is not None
        assert snapshot is not None
        rows, _ = _positions(owners.table, snapshot.rows_with(keys))
        sessions = self._session_dates(rule)
        found: dict[str, Span | None] = dict.fromkeys(keys)
        for row in sorted(rows.tolist()):
            owner = owners.table.cell(row, key)
            if owner in found and found[owner] is None:
                found[owner] = span_of_sessions(owners.table.cell(row, listing), sessions)
        return found

    def _session_dates(self, rule: DatesWithinSessions) -> dict[str, Span | None]:
        """Every session's dates, read again only after the sessions' file changed."""
        table = self.bundle.table(rule.sessions_file)
        ctx = self._contexts.get(rule.sessions_file)
        stamp = (id(table), table.version if table is not None else -1)
        if self._sessions_cache is not None and self._sessions_cache[0] == stamp:
            return self._sessions_cache[1]
        dates: dict[str, Span | None] = {}
        if table is not None and ctx is not None:
            indices = [ctx.index_of(c) for c in (ctx.spec.key or "", rule.session_start,
                                                 rule.session_end)]
            if None not in indices:
                dates = session_dates(*(_whole(table.column_array(i))  # type: ignore[arg-type]
                                        for i in indices))
        self._sessions_cache = (stamp, dates)
        return dates

    def _spans_stamp(self, rule: DatesWithinSessions) -> tuple[int, ...]:
        owner, sessions = self.bundle.table(rule.owner_file), self.bundle.table(rule.sessions_file)
        if owner is None or sessions is None:
            return ()
        return (id(owner), owner.version, id(sessions), sessions.version)

    def _rows_owned_by(self, rule: DatesWithinSessions, owners: pa.Array) -> np.ndarray:
        ctx = self._contexts[rule.file]
        index = ctx.index_of(rule.owner_column)
        snapshot = self._snapshots.get((rule.file, index)) if index is not None else None
        if snapshot is None:
            return np.zeros(0, dtype=np.int64)
        return snapshot.rows_with(owners.to_pylist())

    def _session_spans(self, rule: DatesWithinSessions) -> SessionSpans | None:
        """Each class's first term start and last term end, rebuilt only when those files change."""
        owner, sessions = self.bundle.table(rule.owner_file), self.bundle.table(rule.sessions_file)
        if owner is None or sessions is None:
            return None
        stamp = self._spans_stamp(rule)
        if self._spans is not None and self._spans[0] == stamp:
            return self._spans[1]
        owner_spec, session_spec = self.spec.file(rule.owner_file), self.spec.file(rule.sessions_file)
        indices = [
            owner.column_index(owner_spec.key or "") if owner_spec else None,
            owner.column_index(rule.sessions_column),
            sessions.column_index(session_spec.key or "") if session_spec else None,
            sessions.column_index(rule.session_start), sessions.column_index(rule.session_end)]
        spans = None
        if None not in indices:
            tables = (owner, owner, sessions, sessions, sessions)
            spans = session_spans(*(_whole(t.column_array(i))  # type: ignore[arg-type]
                                    for t, i in zip(tables, indices, strict=True))).prepare()
        self._spans = (stamp, spans)
        return spans

    def _recheck_outbound(self, ctx: FileContext, rows: np.ndarray,
                          touched: set[int] | None = None) -> None:
        positions, present = _positions(ctx.table, rows)
        for index, column in ctx.mapped_columns():
            if not self._checks_references(column) or (touched is not None
                                                        and index not in touched):
                continue
            family = "ref:" + column.name
            _drop(self._batches[ctx.file], family, rows)
            values = _cells(ctx.table, positions, index)
            self._batches[ctx.file][family].extend(reference_batches(
                Place(ctx.file, column.name, index), column, values, present,
                self._target_keys(column), delta=ctx.mode == "delta"))

    def _recheck_inbound(self, target: str, keys: set[str]) -> None:
        """Rows elsewhere that point at keys which appeared or disappeared here."""
        for name, ctx in self._contexts.items():
            for index, column in ctx.mapped_columns():
                if column.target != target or not self._checks_references(column):
                    continue
                snapshot = self._snapshots[(name, index)]
                rows = snapshot.rows_with(keys, in_list=column.kind == "ref_list")
                if len(rows):
                    self._recheck_outbound_column(ctx, index, column, rows)

    def _recheck_outbound_column(self, ctx: FileContext, index: int, column: ColumnSpec,
                                 rows: np.ndarray) -> None:
        positions, present = _positions(ctx.table, rows)
        family = "ref:" + column.name
        _drop(self._batches[ctx.file], family, rows)
        values = _cells(ctx.table, positions, index)
        self._batches[ctx.file][family].extend(reference_batches(
            Place(ctx.file, column.name, index), column, values, present,
            self._target_keys(column), delta=ctx.mode == "delta"))


def _count_changes(ctx: FileContext, index: int, olds: list[str | None], news: list[str]) -> bool:
    """Move a column's statistics by edited cells; True if its checks now judge otherwise."""
    pairs = Counter((old, new) for old, new in zip(olds, news, strict=True) if old != new)
    if not pairs:
        return False
    moved = False
    stats = ctx.zero_pad_stats.get(index)
    if stats is not None:
        for (old, new), times in pairs.items():
            stats.change(old, new, times)
        moved = stats.width != ctx.zero_pad_widths.get(index)
    padding = ctx.grade_padding.get(index)
    if padding is not None:
        before = padding.zero_padded
        for (old, new), times in pairs.items():
            padding.change(old, new, times)
        moved = moved or padding.zero_padded != before
    return moved


def _drop(families: dict[str, list[FindingBatch]], family: str, rows: np.ndarray) -> None:
    kept = []
    for batch in families.get(family, []):
        rest = batch.without_rows(rows)
        if rest is not None:
            kept.append(rest)
    families[family] = kept


def _whole(array: pa.Array | pa.ChunkedArray) -> pa.Array:
    return array.combine_chunks() if isinstance(array, pa.ChunkedArray) else array


def _cells(table: Table, positions: np.ndarray, index: int) -> pa.Array:
    """One column's values at these row positions."""
    if len(positions) > _BULK_GATHER_ROWS:
        return _whole(table.column_array(index).take(pa.array(positions)))
    return pa.array([table.cell(p, index) for p in positions.tolist()], pa.string())


def _or_none(index: int | None, values: Callable[[int], pa.Array]) -> pa.Array | None:
    return None if index is None else values(index)


def _positions(table: Table, row_ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Current row positions of the row ids still in the table, and those row ids."""
    return table.positions_of(row_ids)
