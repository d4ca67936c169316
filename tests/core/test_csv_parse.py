"""Reading CSV text exactly: values, quoting, line endings, ragged records, line numbers."""

import pytest

from rostereditor.core import byte_scans
from rostereditor.core.csv_parse import LineBreaks, count_line_breaks, parse_csv


def rows_of(data: bytes) -> list[list[str]]:
    table = parse_csv(data, "users.csv").table
    return [table.row_values(r) for r in range(len(table))]


TRICKY_VALUES = ["007", "09", "1E5", "TRUE", "NA", "NULL", "#N/A", "", " lead", "trail ",
                 "=1+1", "3/4", "12345678901234567890", "1-2", "+15551234567", "'Olelo"]


@pytest.mark.parametrize("value", TRICKY_VALUES)
def test_values_that_spreadsheets_convert_come_back_unchanged(value):
    data = f"sourcedId,note\nu1,{value}\n".encode()
    assert rows_of(data) == [["u1", value]]


def test_quoted_commas_doubled_quotes_and_line_breaks_are_read():
    data = b'a,b,c\r\n"x,y","say ""hi""","two\r\nlines"\r\n'
    assert rows_of(data) == [["x,y", 'say "hi"', "two\r\nlines"]]


@pytest.mark.parametrize("ending", [b"\r\n", b"\n", b"\r"])
def test_every_line_ending_is_accepted(ending):
    data = ending.join([b"a,b", b"1,2", b"3,4"]) + ending
    assert rows_of(data) == [["1", "2"], ["3", "4"]]


def test_line_numbers_count_physical_lines_when_quoted_values_span_lines():
    data = b'id,note\nu1,"one\ntwo\nthree"\nu2,plain\nu3,"a\r\nb"\nu4,x\n'
    table = parse_csv(data, "users.csv").table
    assert [table.source_line(r) for r in range(len(table))] == [2, 5, 6, 8]
    assert table.row_for_line(4) == 0  # a vendor's "line 4" is inside the first record
    assert table.row_for_line(8) == 3


def test_ragged_records_are_kept_whole_and_reported_with_their_line():
    data = b"a,b\n1,2\n3,4,5,6\n7\n"
    parsed = parse_csv(data, "users.csv")
    assert [parsed.table.row_values(r) for r in range(3)] == [["1", "2"], ["3", "4", "5", "6"], ["7"]]
    ragged = [(n.code, n.line) for n in parsed.notices if n.code == "read.ragged-record"]
    assert ragged == [("read.ragged-record", 3), ("read.ragged-record", 4)]


def test_blank_lines_are_kept_and_reported_not_dropped():
    parsed = parse_csv(b"a,b\n1,2\n\n3,4\n", "orgs.csv")
    assert [parsed.table.row_values(r) for r in range(len(parsed.table))] == [["1", "2"], [], ["3", "4"]]
    assert [(n.code, n.line) for n in parsed.notices] == [("read.blank-line", 3)]


def test_duplicate_and_blank_header_names_are_kept_and_reported():
    parsed = parse_csv(b"sourcedId,name,name,\nx,1,2,\n", "orgs.csv")
    assert parsed.table.header == ["sourcedId", "name", "name", ""]
    codes = sorted(n.code for n in parsed.notices)
    assert codes == ["read.blank-header", "read.duplicate-header"]


def test_stray_quote_is_reported_with_its_line():
    parsed = parse_csv(b'a,b\n1,2\n"ab"c,3\n', "users.csv")
    notice = next(n for n in parsed.notices if n.code == "read.malformed-quotes")
    assert notice.line == 3


def test_unclosed_quote_at_end_of_file_keeps_the_rest_and_reports():
    parsed = parse_csv(b'a,b\n1,"never closed\n2,3\n', "users.csv")
    assert any(n.code == "read.malformed-quotes" for n in parsed.notices)
    assert "never closed" in parsed.table.cell(0, 1)


def test_nul_bytes_are_kept_and_reported_with_their_line():
    parsed = parse_csv(b"a,b\n1,2\n3,x\x00y\n", "users.csv")
    assert parsed.table.cell(1, 1) == "x\x00y"
    assert [(n.code, n.line) for n in parsed.notices] == [("read.nul-byte", 3)]


def test_empty_file_is_an_error_not_a_crash():
    parsed = parse_csv(b"", "users.csv")
    assert parsed.table.header == []
    assert parsed.notices[0].code == "read.empty-file"


def test_header_only_file_has_no_rows():
    parsed = parse_csv(b"sourcedId,name\r\n", "orgs.csv")
    assert parsed.table.header == ["sourcedId", "name"]
    assert len(parsed.table) == 0


def test_line_endings_are_described():
    assert parse_csv(b"a\r\n1\r\n", "x.csv").line_endings == "CRLF"
    assert parse_csv(b"a\n1\r\n", "x.csv").line_endings == "mixed (CRLF, LF)"


def test_fast_and_careful_paths_agree_on_the_same_records():
    # The same records, once clean (fast path) and once with a blank line (careful path).
    clean = b'a,b\n"x,1",2\n3,"q""uote"\n'
    careful = b'a,b\n"x,1",2\n3,"q""uote"\n\n'
    assert rows_of(careful)[:2] == rows_of(clean)


def test_line_breaks_are_counted_across_the_scan_slices(monkeypatch):
    # A CRLF split between two slices of the whole-file scan counts once, as CRLF.
    monkeypatch.setattr(byte_scans, "SLICE", 4)
    raw = b"abc\r\nde\r\nf\rg\n\r\n\r"  # CRLFs at 3-4 and 7-8 straddle slice ends
    assert count_line_breaks(raw) == LineBreaks(crlf=3, lf=1, cr=2)
    assert byte_scans.count(raw, b"\r\n") == raw.count(b"\r\n")
