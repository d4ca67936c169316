"""Property: bundle -> xlsx -> bundle is the identity for any text a CSV field can hold."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rostereditor.core.bundle import Bundle, BundleFile
from rostereditor.core.table import Table
from rostereditor.core.xlsx.workbook_reader import read_workbook
from rostereditor.core.xlsx.workbook_writer import write_bundle_xlsx

# Values Excel is known to change when it is allowed to guess.
EXCEL_BAIT = ["007", "1E5", "=1+1", "TRUE", "false", "3/4", "1-2", "SEPT2", " 09", "09 ",
              "1.50", "+1 555", "-Smith", "@x", "'Olelo", "#N/A", "0503E000", "1.00005E+10",
              "12345678901234567890", "_x000D_", "x005F_", "2024-08-15", "3:00", "  "]
SCRIPTS = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12)
LATIN = st.text(alphabet="0123456789Ee+-=/.:@'#_ x\t\r\n", max_size=10)
VALUE = st.one_of(st.sampled_from(EXCEL_BAIT), SCRIPTS, LATIN,
                  st.builds(lambda a, b: a + b, st.sampled_from(EXCEL_BAIT), SCRIPTS))
HEADER = ["sourcedId", "status", "givenName", "grades", "birthDate"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=st.lists(st.lists(VALUE, min_size=len(HEADER), max_size=len(HEADER)),
                     min_size=1, max_size=6))
def test_bundle_to_xlsx_to_bundle_is_the_identity(rows):
    # A record whose fields are all empty is a blank row in Excel, which import leaves out.
    rows = [r for r in rows if any(r)] or [["x"] * len(HEADER)]
    table = Table.from_rows(HEADER, rows)
    bundle = Bundle(files={"users.csv": BundleFile("users.csv", "users.csv", table)})
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "book.xlsx"
        write_bundle_xlsx(bundle, path)
        back = read_workbook(path).table("users.csv")
    assert back.header == HEADER
    assert [back.row_values(r) for r in range(len(back))] == rows
