"""The edits of a journal as a list a person can read and re-apply by hand, for when they
cannot be put back into the source (it was changed since, or is gone): file, line, column,
old and new text, rows and columns added or deleted."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from typing import Any

from rostereditor.core.recovery.edit_payloads import Payload
from rostereditor.core.recovery.journal_records import JournalContents
from rostereditor.core.recovery.undo_stack_model import UndoStackModel

EXPORT_HEADER = ("file", "line", "record", "column", "change", "old", "new")


@dataclass(frozen=True)
class RecordedChange:
    file: str
    # The line in the source as first opened (None for rows added, or after a save).
    line: int | None
    # The record's number (1 = first) in the file at the time of the change.
    record: int | None
    column: str
    change: str
    old: str
    new: str


def recorded_changes(contents: JournalContents) -> list[RecordedChange]:
    """What the journal changed in its source: the steps done when the app stopped (an undone
    step appears only if it was older than the journal, as its reversal), in order."""
    model: UndoStackModel[Payload] = UndoStackModel()
    for record in contents.records:
        kind, payload = record.get("k"), record.get("e")
        if kind not in ("do", "undo", "redo"):
            continue
        number = int(record.get("n", -1))
        if kind == "do" and isinstance(payload, dict):
            model.made(number, payload)
        elif isinstance(payload, dict):
            (model.older_undone if kind == "undo" else model.older_redone)(number, payload)
        elif kind == "undo":
            model.undone(number)
        else:
            model.redone(number)
    clean = 0 if model.clean is None else model.clean
    changes: list[RecordedChange] = []
    # Older steps undone since (below the saved position, above the done ones): reversed.
    for position in range(clean - 1, model.index - 1, -1):
        changes.extend(_listed(model.steps[position][1], reverse=True))
    for position in range(clean, model.index):
        changes.extend(_listed(model.steps[position][1], reverse=False))
    return changes


def export_csv(changes: list[RecordedChange]) -> str:
    """The list as RFC 4180 CSV text (CRLF rows), values exactly as recorded."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(EXPORT_HEADER)
    for c in changes:
        writer.writerow((c.file, "" if c.line is None else c.line,
                         "" if c.record is None else c.record, c.column, c.change, c.old, c.new))
    return out.getvalue()


def _listed(payload: Payload, *, reverse: bool) -> list[RecordedChange]:
    kind = payload.get("t")
    if kind == "seq":
        steps = [x for step in payload.get("s", []) for x in _listed(step, reverse=reverse)]
        return steps[::-1] if reverse else steps
    if kind == "cells":
        return _cells(payload, reverse)
    file = str(payload.get("f", ""))
    if kind in ("rows+", "rows-"):
        return _rows(file, payload, added=(kind == "rows+") != reverse)
    if kind in ("col+", "col-"):
        names = [payload["n"]] if kind == "col+" else payload.get("n", [])
        added = (kind == "col+") != reverse
        return [RecordedChange(file, None, None, str(n), "column added" if added else "column deleted",
                               "", "") for n in names]
    if kind == "colname":
        old, new = str(payload.get("old", "")), str(payload.get("new", ""))
        return [RecordedChange(file, None, None, old if not reverse else new, "column renamed",
                               *((new, old) if reverse else (old, new)))]
    if kind == "colmove":
        here, there = f"column {int(payload['c']) + 1}", f"column {int(payload['to']) + 1}"
        return [RecordedChange(file, None, None, str(payload.get("n", "")), "column moved",
                               *((there, here) if reverse else (here, there)))]
    return []


def _cells(payload: Payload, reverse: bool) -> list[RecordedChange]:
    changes = []
    for file, entry in payload.get("f", {}).items():
        lines: list[Any] = entry.get("l") or [None] * len(entry.get("c", []))
        names = entry.get("h", {})
        cells = list(zip(entry.get("c", []), lines, strict=False))
        for (pos, col, old, new), line in reversed(cells) if reverse else cells:
            changes.append(RecordedChange(
                file, line, int(pos) + 1, str(names.get(str(col), f"column {int(col) + 1}")),
                "cell changed", *((new, old) if reverse else (old, new))))
    return changes


def _rows(file: str, payload: Payload, *, added: bool) -> list[RecordedChange]:
    changes = []
    for entry in payload.get("r", []):
        pos = int(entry[0])
        line = entry[1] if len(entry) > 1 and isinstance(entry[1], int) else None
        values = next((e for e in entry[1:] if isinstance(e, list | str)), None)
        shown = {"blank": "(an empty row)", "above": "(a copy of the row above)"}.get(
            values if isinstance(values, str) else "", ",".join(values) if isinstance(values, list) else "")
        changes.append(RecordedChange(file, None if added else line, pos + 1, "",
                                      "row added" if added else "row deleted",
                                      "" if added else shown, shown if added else ""))
    return changes
