"""The byte-scan stand-ins give exactly the answers of the regexes they replace."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from hypothesis import given, settings
from hypothesis import strategies as st

from rostereditor.core.validation import value_patterns as p
from rostereditor.core.validation.fast_patterns import has_line_break, is_guid, is_scientific

# Characters near the patterns' edges: ID characters, separators, digits, e/E, line breaks,
# spaces, a comma, and non-ASCII letters (multi-byte in UTF-8).
_ALPHABET = "aZ09._-/@eE+ ,\r\n\t\u00e9\ufffd\U0001f600"
_values = st.lists(st.one_of(st.text(_ALPHABET, max_size=12), st.sampled_from(
    ["1.2E+5", "3e10", "0e0", "x" * 255, "x" * 256, "", "enr-00000001", "12", "1.5e"])),
    max_size=40)


def _regex(values: pa.Array | pa.ChunkedArray, pattern: str) -> list[bool]:
    return pc.match_substring_regex(values, pattern).fill_null(False).to_pylist()


def _shapes(items: list[str], cut: int) -> list[pa.Array | pa.ChunkedArray]:
    """The same values as one array, as chunks, and as a slice of a longer array."""
    cut = min(cut, len(items))
    padded = pa.array(["pad", *items, "pad"], pa.string())
    return [pa.array(items, pa.string()),
            pa.chunked_array([pa.array(items[:cut], pa.string()),
                              pa.array(items[cut:], pa.string())], pa.string()),
            padded.slice(1, len(items))]


@settings(max_examples=200, deadline=None)
@given(_values, st.integers(0, 40))
def test_byte_scans_agree_with_the_regexes(items, cut):
    for values in _shapes(items, cut):
        assert is_guid(values).tolist() == _regex(values, p.GUID)
        assert has_line_break(values).tolist() == _regex(values, p.LINE_BREAK)
        assert is_scientific(values).tolist() == _regex(values, p.SCIENTIFIC)


def test_values_with_nulls_fall_back_to_the_regexes():
    values = pa.array(["a", None, "1e5", "x\ny"], pa.string())
    assert is_guid(values).tolist() == [True, False, True, False]
    assert is_scientific(values).tolist() == [False, False, True, False]
    assert has_line_break(values).tolist() == [False, False, False, True]
    assert isinstance(is_guid(values), np.ndarray)


def test_hidden_character_prefilter_agrees_with_the_regex():
    import pyarrow as pa
    import pyarrow.compute as pc

    from rostereditor.core.validation import value_patterns as p
    from rostereditor.core.validation.fast_patterns import may_hold_hidden_characters

    for values in (["ana", "ben"], ["an\u200ba"], ["José"], ["o\u2019b"], []):
        array = pa.array(values, pa.string())
        regex = bool(pc.any(pc.match_substring_regex(array, p.HIDDEN)).as_py())
        assert may_hold_hidden_characters(array) or not regex
    assert not may_hold_hidden_characters(pa.array(["ana", "ben"], pa.string()))


def test_list_shape_agrees_with_the_regexes():
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    from rostereditor.core.validation import value_patterns as p
    from rostereditor.core.validation.fast_patterns import list_shape

    values = pa.array(["09", "09,10", "09, 10", ",09", "09,", "09,,10", " 09", "09 ", "",
                       "a b", "x,\ty", "ümlaut, ö"], pa.string())
    empty, spaced = list_shape(values)
    for mask, pattern in ((empty, p.EMPTY_ITEM), (spaced, p.SPACED_ITEM)):
        regex = np.asarray(pc.match_substring_regex(values, pattern).to_numpy(
            zero_copy_only=False), dtype=bool)
        assert mask.tolist() == regex.tolist()
