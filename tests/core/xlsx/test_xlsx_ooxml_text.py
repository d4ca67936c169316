"""The _xHHHH_ escapes that let a workbook cell carry any text exactly."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from rostereditor.core.xlsx.ooxml_text import escape_cell_text, unescape_cell_text


def test_characters_xml_cannot_carry_are_escaped_the_way_excel_does():
    assert escape_cell_text("a\rb") == "a_x000D_b"
    assert escape_cell_text("\x01") == "_x0001_"
    assert escape_cell_text("_x0041_") == "_x005F_x0041_"


def test_a_cell_of_only_spaces_is_protected():
    assert escape_cell_text(" ") == "_x0020_"
    assert unescape_cell_text("_x0020_") == " "


@given(st.text(alphabet=st.sampled_from("_x0123456789ADFadf \r\n\x01\ufffeé")))
def test_unescape_undoes_escape(text):
    assert unescape_cell_text(escape_cell_text(text)) == text
