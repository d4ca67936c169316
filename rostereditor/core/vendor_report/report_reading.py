"""Decide how to read a vendor's report: remembered choices, recognised columns, a guessed line
numbering, and whether the user must be asked before its problems are shown."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from rostereditor.core.bundle import Bundle
from rostereditor.core.vendor_report.column_roles import ColumnMapping, recognise_columns
from rostereditor.core.vendor_report.line_numbering import LineNumbering
from rostereditor.core.vendor_report.line_offset_guess import OffsetGuess, guess_line_offset
from rostereditor.core.vendor_report.report_table import ReportTable
from rostereditor.core.vendor_report.vendor_findings import VendorReport, pin_report, report_header

FILE_QUESTION = ("The report does not say which file each line is about; choose its file column, "
                 "or the file its lines are about.")
NUMBERING_QUESTION = ("The report numbers its lines, and vendors count them differently: say "
                      "whether the header row is counted and whether counting starts at 0 or 1.")


def open_questions(mapping: ColumnMapping, default_file: str | None, *,
                   ask_numbering: bool) -> tuple[str, ...]:
    """What the user should settle before the report is trusted, in their words."""
    questions = list(mapping.doubts)
    if mapping.column_of("file") is None and default_file is None:
        questions.append(FILE_QUESTION)
    if ask_numbering:
        questions.append(NUMBERING_QUESTION)
    return tuple(questions)


@dataclass(frozen=True)
class ReportChoices:
    """How the user said one vendor's reports read: column per role (by header name), the
    line offset (see LineNumbering) and the file that lines naming none are about."""

    columns: Mapping[str, str] = field(default_factory=dict)
    line_offset: int = 0
    default_file: str | None = None


@dataclass(frozen=True)
class ReportReading:
    """A report read with the best choices known, and why the user should check them."""

    mapping: ColumnMapping
    numbering: LineNumbering
    default_file: str | None
    guess: OffsetGuess | None
    placed: VendorReport
    questions: tuple[str, ...]
    ask_numbering: bool = False

    @property
    def ask(self) -> bool:
        return bool(self.questions)

    def choices(self) -> ReportChoices:
        return ReportChoices(self.mapping.choices(), self.numbering.offset, self.default_file)


def read_with_choices(report: ReportTable, bundle: Bundle,
                      remembered: ReportChoices | None) -> ReportReading:
    """Place `report` on `bundle` as `remembered` says (else as recognised and guessed).

    The user is asked when the columns are in doubt, when lines cannot be placed for want of
    a file, or when the report numbers lines, no choice was remembered and its sourcedIds do
    not show how it counts.
    """
    mapping = recognise_columns(report_header(report))
    if remembered is not None:
        mapping = mapping.with_choices(remembered.columns)
    default_file = remembered.default_file if remembered is not None else None
    guess = guess_line_offset(report, bundle, mapping, default_file=default_file)
    if remembered is not None:
        numbering = LineNumbering(remembered.line_offset)
    else:  # with nothing remembered, the guess; failing that, the header counted from 1
        numbering = LineNumbering(guess.offset if guess is not None else 0)
    placed = pin_report(report, bundle, mapping=mapping, numbering=numbering,
                        default_file=default_file)
    ask_numbering = remembered is None and guess is None and mapping.column_of("line") is not None
    questions = open_questions(mapping, placed.default_file, ask_numbering=ask_numbering)
    return ReportReading(mapping, numbering, placed.default_file, guess, placed, questions,
                         ask_numbering)


def read_as_chosen(report: ReportTable, bundle: Bundle, mapping: ColumnMapping,
                   choices: ReportChoices) -> VendorReport:
    """Place `report` with the user's own choices (after the mapping dialog)."""
    return pin_report(report, bundle, mapping=mapping, numbering=LineNumbering(choices.line_offset),
                      default_file=choices.default_file)
