"""Small hand-written bundles for conversion tests, each file given as CSV text."""

from __future__ import annotations

import csv
import io

from rostereditor.core.bundle import Bundle, BundleFile
from rostereditor.core.conversion import ConversionNote, ConversionReport
from rostereditor.core.manifest import MANIFEST_HEADER, generate_manifest
from rostereditor.core.oneroster_files import MANIFEST
from rostereditor.core.table import Table
from rostereditor.core.validation import BundleValidator


def bundle_of(files: dict[str, str], version: str) -> Bundle:
    """A bulk bundle of the given files; 1.1 and 1.2 get a manifest, 1.0 none (as the spec says)."""
    bundle = Bundle(source_kind="new")
    for name, text in files.items():
        rows = list(csv.reader(io.StringIO(text.strip() + "\n")))
        bundle.files[name] = BundleFile(name, name, Table.from_rows(rows[0], rows[1:]))
    if version != "1.0":
        present = dict.fromkeys(files, "bulk")
        rows = generate_manifest(version, present)
        bundle.files[MANIFEST] = BundleFile(MANIFEST, MANIFEST, Table.from_rows(MANIFEST_HEADER, rows))
    return bundle


def rows(bundle: Bundle, name: str) -> list[dict[str, str]]:
    table = bundle.table(name)
    assert table is not None, name
    return [dict(zip(table.header, values, strict=True)) for values in table.iter_rows()]


def header(bundle: Bundle, name: str) -> list[str]:
    table = bundle.table(name)
    assert table is not None, name
    return table.header


def notes(report: ConversionReport, kind: str, file: str | None = None) -> list[ConversionNote]:
    return [n for n in report.notes if n.kind == kind and (file is None or n.file == file)]


def note_about(report: ConversionReport, kind: str, words: str) -> ConversionNote:
    found = [n for n in report.notes if n.kind == kind and words in n.message]
    assert found, f"no {kind} note with {words!r} in:\n{report.text()}"
    return found[0]


def errors_and_warnings(bundle: Bundle) -> list[tuple[str | None, int | None, str, str]]:
    result = BundleValidator(bundle).run()
    return [(f.file, f.line, f.rule, f.message) for f in result.findings
            if f.severity in ("error", "warning")]
