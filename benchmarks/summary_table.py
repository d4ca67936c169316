"""The README's benchmark table, built from one run's figures: each row against its floor and target.

Rows whose figure an area did not produce say so ("not measured"); later work (columnar
findings, a background sort, first rows shown early) changes the figures, not this table.
"""

from __future__ import annotations

from collections.abc import Callable

Figures = dict[str, dict]


def _get(results: Figures, area: str, key: str) -> float | str | None:
    return results.get(area, {}).get(key)


def _row(what: str, target: str, render: Callable[[], str | None]) -> str:
    try:
        figure = render()
    except (KeyError, TypeError, ZeroDivisionError):
        figure = None
    return f"| {what} | {figure or 'not measured'} | {target} |"


def table(results: Figures, title: str) -> str:
    core = results.get("core", {})
    valid = results.get("validation", {})
    ui = results.get("ui", {})
    xlsx = results.get("xlsx", {})
    csv_mb = core.get("csv_mb")
    rows = [
        f"**{title}**", "",
        "| what | figure | target |",
        "|---|---|---|",
        _row("read the whole bundle ÷ zipfile + pyarrow parse", "≤ 1.5×", lambda: (
            f"{core['read_s']:.2f} s = **{core['read_ratio']:.2f}×** ({core['read_baseline_s']:.2f} s)")),
        _row("validate, every check ÷ pyarrow parse", "≤ 2×", lambda: (
            f"{valid['full_validation_s']:.2f} s = **{valid['full_vs_parse_ratio']:.2f}×** "
            f"({valid['pyarrow_parse_s']:.2f} s; {valid['findings']:,.0f} findings)")),
        _row("peak memory: read, validate (findings kept), write ÷ CSV bytes", "≤ 3×", lambda: (
            f"{max(core['read_write_peak_mb'], core['validate_peak_mb']):.0f} MB = "
            f"**{core['peak_memory_with_findings_ratio']:.2f}×** of {csv_mb:.0f} MB")),
        _row("… and with every finding listed as an object (today's window and CLI)", "≤ 3×",
             lambda: (f"{core['findings_listed_peak_mb']:.0f} MB = "
                      f"**{core['peak_memory_findings_listed_ratio']:.2f}×**")),
        _row("`validate --format json` peak memory ÷ CSV bytes", "≤ 3×", lambda: (
            f"{valid['validate_json_peak_mb']:.0f} MB = **{valid['validate_json_peak_mb'] / csv_mb:.2f}×**")),
        _row("list every finding (Finding objects)", "columnar: only what is shown", lambda: (
            f"{valid['list_findings_s']:.2f} s")),
        _row("`pack` write ÷ polars writing the same bytes into a zip", "≤ 1×", lambda: (
            f"{core['write_s']:.2f} s = **{core['pack_vs_polars_ratio']:.2f}×** "
            f"({core['write_polars_floor_s']:.2f} s; same bytes: {core['pack_same_bytes_as_polars']})")),
        _row("re-check after one cell edit", "≤ 20 ms at 800k students", lambda: (
            f"**{valid['revalidate_one_cell_s'] * 1000:.0f} ms**")),
        _row("re-check after renaming a class key", "≤ 100 ms at 800k students", lambda: (
            f"**{valid['revalidate_class_rename_s'] * 1000:.0f} ms**")),
        _row("window: cell edit until its highlight is painted", "≤ 50 ms", lambda: (
            f"**{ui['edit_to_highlight_ms_median']:.0f} ms** median, "
            f"{ui['edit_to_highlight_ms_max']:.0f} ms max ({ui['edit_file']})")),
        _row("window: sort, longest event-loop stall / until the new order is shown",
             "≤ 100 ms stall (off the GUI thread)", lambda: (
                 f"**{ui['sort_longest_event_loop_stall_ms']:.0f} ms** / "
                 f"{ui['sort_until_new_order_shown_s']:.2f} s ({ui['sort_file']})")),
        _row("window: first rows painted after the first file is read", "≤ 1 s", lambda: (
            f"**{ui['first_rows_after_first_file_s']:.2f} s** (open → painted "
            f"{ui['open_to_first_rows_painted_s']:.2f} s, whole bundle read {ui['open_read_s']:.2f} s)")),
        _row("window: peak memory with the district open", "—", lambda: (
            f"{ui['peak_rss_mb']:.0f} MB" + (f" = {ui['peak_rss_mb'] / csv_mb:.2f}× CSV" if csv_mb else ""))),
        _row("Excel export of 100,000 users rows ÷ XlsxWriter floor", "≤ 1.2×", lambda: (
            f"{xlsx['export_s']:.2f} s = **{xlsx['export_vs_xlsxwriter_ratio']:.2f}×** "
            f"({xlsx['xlsxwriter_floor_s']:.2f} s; CPU time {xlsx['export_vs_xlsxwriter_cpu_ratio']:.2f}×; "
            f"openpyxl floor {xlsx['openpyxl_floor_s']:.2f} s)")),
    ]
    return "\n".join(rows) + "\n"
