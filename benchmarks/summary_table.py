"""The README's benchmark table, from one run's figures or several runs side by side.

    python benchmarks/summary_table.py out/results-100000.json out/results-800000.json ...

Each row is a figure against its floor and target. A figure an area did not produce says so
("not measured"); later work (columnar findings, a background sort, first rows shown early)
changes the figures, not this table.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

Results = dict[str, dict]
Render = Callable[[dict, dict, dict, dict], str]


def _read(core: dict, valid: dict, ui: dict, xlsx: dict) -> str:
    return f"{core['read_s']:.2f} s = **{core['read_ratio']:.2f}×** ({core['read_baseline_s']:.2f} s)"


def _validate(core: dict, valid: dict, ui: dict, xlsx: dict) -> str:
    return (f"{valid['full_validation_s']:.2f} s = **{valid['full_vs_parse_ratio']:.2f}×** "
            f"({valid['pyarrow_parse_s']:.2f} s; {valid['findings']:,.0f} findings)")


def _memory(core: dict, valid: dict, ui: dict, xlsx: dict) -> str:
    peak = max(core["read_write_peak_mb"], core["validate_peak_mb"])
    return f"{peak:,.0f} MB = **{core['peak_memory_with_findings_ratio']:.2f}×** of {core['csv_mb']:,.0f} MB"


def _memory_listed(core: dict, valid: dict, ui: dict, xlsx: dict) -> str:
    return (f"{core['findings_listed_peak_mb']:,.0f} MB = "
            f"**{core['peak_memory_findings_listed_ratio']:.2f}×**")


def _json_report(core: dict, valid: dict, ui: dict, xlsx: dict) -> str:
    peak = valid["validate_json_peak_mb"]
    return f"{peak:,.0f} MB = **{peak / core['csv_mb']:.2f}×**"


def _list_findings(core: dict, valid: dict, ui: dict, xlsx: dict) -> str:
    return (f"{valid['listing_s']:.2f} s; every finding made one by one, as a report streams "
            f"them: {valid['stream_findings_s']:.2f} s")


def _pack(core: dict, valid: dict, ui: dict, xlsx: dict) -> str:
    cpu = f"; CPU time {core['pack_vs_polars_cpu_ratio']:.2f}×" if "pack_vs_polars_cpu_ratio" in core else ""
    return (f"{core['write_s']:.2f} s = **{core['pack_vs_polars_ratio']:.2f}×** "
            f"({core['write_polars_floor_s']:.2f} s{cpu}; same bytes: {core['pack_same_bytes_as_polars']})")


def _recheck_cell(core: dict, valid: dict, ui: dict, xlsx: dict) -> str:
    date = ""
    if "revalidate_date_cell_s" in valid:
        date = f"; a date: {valid['revalidate_date_cell_s'] * 1000:.0f} ms"
    return (f"**{valid['revalidate_one_cell_s'] * 1000:.0f} ms** "
            f"(CPU {valid.get('revalidate_one_cell_cpu_s', 0) * 1000:.0f} ms){date}")


def _recheck_rename(core: dict, valid: dict, ui: dict, xlsx: dict) -> str:
    return (f"**{valid['revalidate_class_rename_s'] * 1000:.0f} ms** "
            f"(CPU {valid.get('revalidate_class_rename_cpu_s', 0) * 1000:.0f} ms)")


def _recheck_replace_all(core: dict, valid: dict, ui: dict, xlsx: dict) -> str:
    return (f"**{valid['revalidate_replace_all_s']:.2f} s** for {valid['replace_all_cells']:,.0f} "
            f"cells (CPU {valid['revalidate_replace_all_cpu_s']:.2f} s)")


def _edit(core: dict, valid: dict, ui: dict, xlsx: dict) -> str:
    return (f"**{ui['edit_to_highlight_ms_median']:.0f} ms** median, "
            f"{ui['edit_to_highlight_ms_max']:.0f} ms max")


def _sort(core: dict, valid: dict, ui: dict, xlsx: dict) -> str:
    return (f"**{ui['sort_longest_event_loop_stall_ms']:,.0f} ms** / "
            f"{ui['sort_until_new_order_shown_s']:.2f} s")


def _first_rows(core: dict, valid: dict, ui: dict, xlsx: dict) -> str:
    return (f"**{ui['first_rows_after_first_file_s']:.2f} s** (whole bundle read "
            f"{ui['open_read_s']:.2f} s)")


def _stalls(core: dict, valid: dict, ui: dict, xlsx: dict) -> str:
    return ", ".join(f"{phase} **{ui[f'gui_longest_stall_ms_{phase}']:,.0f} ms**"
                     for phase in ("open", "check", "edit", "sort"))


def _window_memory(core: dict, valid: dict, ui: dict, xlsx: dict) -> str:
    ratio = f" = {ui['peak_rss_mb'] / core['csv_mb']:.2f}× CSV" if "csv_mb" in core else ""
    return f"{ui['peak_rss_mb']:,.0f} MB{ratio}"


def _export(core: dict, valid: dict, ui: dict, xlsx: dict) -> str:
    return (f"{xlsx['export_s']:.2f} s = **{xlsx['export_vs_xlsxwriter_ratio']:.2f}×** "
            f"({xlsx['xlsxwriter_floor_s']:.2f} s; CPU time {xlsx['export_vs_xlsxwriter_cpu_ratio']:.2f}×)")


ROWS: tuple[tuple[str, str, Render], ...] = (
    ("read the whole bundle ÷ zipfile + pyarrow parse", "≤ 1.5×", _read),
    ("validate, every check ÷ pyarrow parse", "≤ 2×", _validate),
    ("peak memory: read, validate (findings kept), write ÷ CSV bytes", "≤ 3×", _memory),
    ("… with the problems list arranged as the window holds it", "≤ 3×", _memory_listed),
    ("`validate --format json` peak memory ÷ CSV bytes", "≤ 3×", _json_report),
    ("arrange the problems list (arrays; objects only for painted rows)", "only what is shown",
     _list_findings),
    ("`pack` write ÷ polars writing the same bytes into a zip", "≤ 1×", _pack),
    ("re-check after one cell edit (a class reference), median of 7", "≤ 20 ms at 800k",
     _recheck_cell),
    ("re-check after renaming a class key (and its enrollments), median of 7",
     "≤ 100 ms at 800k", _recheck_rename),
    ("re-check after a replace all over a fifth of the enrollments (one batch)",
     "proportional to the cells", _recheck_replace_all),
    ("window: cell edit until its highlight is painted", "≤ 50 ms", _edit),
    ("window: sort, longest event-loop stall / until the new order is shown", "≤ 100 ms stall", _sort),
    ("window: first rows painted after the first file is read", "≤ 1 s", _first_rows),
    ("window: longest GUI-thread stall while opening, checking, editing, sorting", "≤ 100 ms",
     _stalls),
    ("window: peak memory with the district open", "—", _window_memory),
    ("Excel export, 100,000 users rows ÷ XlsxWriter floor", "≤ 1.2×", _export),
)


def _figure(render: Render, results: Results) -> str:
    areas = [results.get(a, {}) for a in ("core", "validation", "ui", "xlsx")]
    try:
        return render(*areas)
    except (KeyError, TypeError, ZeroDivisionError):
        return "not measured"


def table(results: Results, title: str) -> str:
    """One run's table."""
    return combined({title: results})


def combined(runs: dict[str, Results]) -> str:
    """Several runs side by side: one figure column per run."""
    lines = [
        "| what | " + " | ".join(runs) + " | target |",
        "|---|" + "---|" * len(runs) + "---|",
    ]
    for what, target, render in ROWS:
        figures = " | ".join(_figure(render, results) for results in runs.values())
        lines.append(f"| {what} | {figures} | {target} |")
    return "\n".join(lines) + "\n"


def _label(path: Path, taken: dict[str, Results]) -> str:
    label = path.stem.removeprefix("results-")
    return f"{path.parent.name}/{label}" if label in taken else label


if __name__ == "__main__":
    runs: dict[str, Results] = {}
    for name in sys.argv[1:]:
        runs[_label(Path(name), runs)] = json.loads(Path(name).read_text())
    print(combined(runs))
