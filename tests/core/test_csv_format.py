"""Writing canonical RFC 4180: CRLF, UTF-8 without BOM, quotes only where needed."""

from rostereditor.core import csv_format
from rostereditor.core.csv_format import format_table
from rostereditor.core.csv_parse import parse_csv
from rostereditor.core.table import Table


def test_fields_are_quoted_only_when_they_hold_comma_quote_or_line_break():
    table = Table.from_rows(
        ["id", "v"],
        [["1", "plain"], ["2", "a,b"], ["3", 'say "hi"'], ["4", "x\ny"], ["5", " spaced "], ["6", ""]],
    )
    assert format_table(table) == (
        b'id,v\r\n1,plain\r\n2,"a,b"\r\n3,"say ""hi"""\r\n4,"x\ny"\r\n5, spaced \r\n6,\r\n'
    )


def test_output_is_utf8_without_bom():
    table = Table.from_rows(["id", "name"], [["1", "王 Nguyễn"]])
    data = format_table(table)
    assert not data.startswith(b"\xef\xbb\xbf")
    assert data.decode("utf-8") == "id,name\r\n1,王 Nguyễn\r\n"


def test_ragged_records_are_written_whole():
    table = Table.from_rows(["a", "b"], [["1", "2", "extra"], ["3"]])
    assert format_table(table) == b"a,b\r\n1,2,extra\r\n3\r\n"


def test_single_column_empty_value_is_quoted_so_it_is_not_a_blank_line():
    table = Table.from_rows(["only"], [[""], ["x"]])
    data = format_table(table)
    assert data == b'only\r\n""\r\nx\r\n'
    reread = parse_csv(data, "x.csv").table
    assert [reread.row_values(r) for r in range(len(reread))] == [[""], ["x"]]


def test_edits_inserts_and_deletes_are_written_in_row_order():
    table = Table.from_rows(["a", "b"], [["1", "x"], ["2", "y"], ["3", "z"]])
    table.set_cell(0, 1, "edited, with comma")
    table.insert_rows(1, [["new", "n"]])
    table.delete_rows([3])
    assert format_table(table) == b'a,b\r\n1,"edited, with comma"\r\nnew,n\r\n2,y\r\n'


def test_canonical_input_is_written_back_byte_for_byte():
    data = b'sourcedId,title,grades\r\nc1,"Math, Grade 9","09,10"\r\nc2,Art,KG\r\n'
    assert format_table(parse_csv(data, "classes.csv").table) == data


def test_quotes_follow_each_value_when_a_long_file_is_formatted_in_slices(monkeypatch):
    monkeypatch.setattr(csv_format, "_ROWS_PER_PIECE", 2)
    rows = [["1", "a,b", ""], ["2", "plain", 'q"'], ["3", "x", "y"], ["4", "line\nbreak", ""],
            ["5", "", "cr\r"]]
    table = Table.from_rows(["id", "v", "w"], rows)
    assert format_table(table) == (
        b'id,v,w\r\n1,"a,b",\r\n2,plain,"q"""\r\n3,x,y\r\n4,"line\nbreak",\r\n5,,"cr\r"\r\n'
    )
    single = Table.from_rows(["only"], [["a"], [""], ["b,c"], [""], ["d"]])
    assert format_table(single) == b'only\r\na\r\n""\r\n"b,c"\r\n""\r\nd\r\n'
