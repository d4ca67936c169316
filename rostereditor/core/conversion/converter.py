"""Convert a bundle between OneRoster versions: 1.0 → 1.1 → 1.2 and 1.2 → 1.1.

The result is a new bundle (the source is not changed) with a manifest for the target version,
and a report of every transformation, every loss, and every choice the reference leaves open.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass

from rostereditor.core.bundle import Bundle, BundleFile
from rostereditor.core.conversion.file_steps import ConversionOptions, StepState
from rostereditor.core.conversion.report import ConversionReport
from rostereditor.core.conversion.step_1_0_to_1_1 import convert_1_0_to_1_1
from rostereditor.core.conversion.step_1_1_to_1_2 import convert_1_1_to_1_2
from rostereditor.core.conversion.step_1_2_to_1_1 import convert_1_2_to_1_1
from rostereditor.core.errors import RosterEditorError
from rostereditor.core.manifest import MANIFEST_HEADER, generate_manifest
from rostereditor.core.oneroster_files import ALL_DATA_FILES, MANIFEST, SUPPORTED_VERSIONS
from rostereditor.core.table import Table
from rostereditor.core.validation.unlabelled_version_checks import unlabelled_version_finding

Step = Callable[[StepState], None]
_STEPS: dict[tuple[str, str], Step] = {
    ("1.0", "1.1"): convert_1_0_to_1_1,
    ("1.1", "1.2"): convert_1_1_to_1_2,
    ("1.2", "1.1"): convert_1_2_to_1_1,
}
# The versions passed through on the way from one to another.
_ROUTES: dict[tuple[str, str], tuple[str, ...]] = {
    ("1.0", "1.1"): ("1.0", "1.1"),
    ("1.1", "1.2"): ("1.1", "1.2"),
    ("1.0", "1.2"): ("1.0", "1.1", "1.2"),
    ("1.2", "1.1"): ("1.2", "1.1"),
}


class ConversionError(RosterEditorError):
    """The conversion cannot be made; the message says why and what to do."""


@dataclass(frozen=True)
class Conversion:
    bundle: Bundle
    report: ConversionReport


def convert_bundle(bundle: Bundle, to: str, *, source_version: str | None = None,
                   options: ConversionOptions | None = None) -> Conversion:
    """The bundle as OneRoster `to`; source_version overrides the detected one."""
    source = source_version or bundle.detected_version
    _check_route(bundle, source, to, source_version is not None)
    report = ConversionReport(source, to)
    state = StepState(
        tables={n: bundle.files[n].table for n in bundle.data_file_names},
        modes={n: bundle.mode(n) for n in bundle.data_file_names},
        report=report, options=options or ConversionOptions())
    route = _ROUTES[(source, to)]
    for here, there in itertools.pairwise(route):
        _STEPS[(here, there)](state)
    return Conversion(_bundle(bundle, state, to), report)


def _check_route(bundle: Bundle, source: str, to: str, source_given: bool) -> None:
    for version in (source, to):
        if version not in SUPPORTED_VERSIONS:
            raise ConversionError(f"OneRoster {version} is not a version this tool knows "
                                  "(1.0, 1.1 or 1.2).")
    if source == to:
        raise ConversionError(f"The bundle is already OneRoster {to}; nothing to convert.")
    if (source, to) not in _ROUTES:
        raise ConversionError(f"Converting OneRoster {source} to {to} is not supported: "
                              "1.0 → 1.1, 1.0 → 1.2, 1.1 → 1.2 and 1.2 → 1.1 are.")
    if source == "1.0" and not source_given and unlabelled_version_finding(bundle, "1.0"):
        raise ConversionError("There is no manifest.csv, so this bundle counts as OneRoster 1.0, "
                              "but its files look like OneRoster 1.1 or 1.2. Say which version it "
                              "is (--from 1.1 or --from 1.2) and convert again.")


def _bundle(source: Bundle, state: StepState, version: str) -> Bundle:
    converted = Bundle(source=source.source, source_kind="new")
    for name, table in state.tables.items():
        converted.files[name] = BundleFile(name, name, table)
    converted.modes = {n: m for n, m in state.modes.items() if n in state.tables}
    if version != "1.0":
        present = {n: converted.mode(n) for n in state.tables if n in ALL_DATA_FILES}
        rows = generate_manifest(version, present, source.manifest)
        converted.files[MANIFEST] = BundleFile(MANIFEST, MANIFEST, Table.from_rows(MANIFEST_HEADER, rows))
        state.report.add("changed", MANIFEST, f"written for OneRoster {version}, listing the files "
                         "present as bulk or delta and the others as absent")
    return converted
