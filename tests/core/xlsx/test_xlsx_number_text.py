"""Numbers shown as Excel shows them under their cell's number format."""

from __future__ import annotations

import pytest

from rostereditor.core.xlsx.number_text import render_number


@pytest.mark.parametrize(
    ("value", "number_format", "text"),
    [
        (123, "00000", "00123"),
        (9, "00", "09"),
        (10000500870, "000000000000", "010000500870"),
        (123, "General", "123"),
        (42, "@", "42"),
        (12345.0, "General", "12345"),
        (0.1 + 0.2, "General", "0.3"),
        (1.5, "0.00", "1.50"),
        (1234567.891, "#,##0.00", "1,234,567.89"),
        (0.5, "0%", "50%"),
        (12300000, "0.00E+00", "1.23E+07"),
        (-5, "0;(0)", "(5)"),
        (-5, "0", "-5"),
        (123456789, "000-00-0000", "123-45-6789"),
        (5, '"ID"0000', "ID0005"),
        (5, "[Red]0", "5"),
        (1.2345678901234567e18, "General", "1234567890123460000"),
    ],
)
def test_number_text_follows_the_cell_format(value, number_format, text):
    rendered = render_number(value, number_format)
    assert rendered.text == text
    assert rendered.format_understood


@pytest.mark.parametrize("number_format", ["# ?/?", "[<=9999999]###-####;(###) ###-####"])
def test_formats_not_understood_fall_back_to_general_and_say_so(number_format):
    rendered = render_number(5, number_format)
    assert rendered.text == "5"
    assert not rendered.format_understood
