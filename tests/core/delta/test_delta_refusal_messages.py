"""A delta refused for its IDs says which ID and on which lines, as a coordinator would look
for them (it said "repeats 1 sourcedId(s)", with nothing to find them by)."""

from __future__ import annotations

import pytest

from rostereditor.core.delta import DeltaError, build_delta
from rostereditor.core.sample_district import generate_district


def bundles():
    return generate_district(30, seed=4).bundle, generate_district(30, seed=4).bundle


def test_a_repeated_sourcedid_is_named_with_its_lines():
    old, new = bundles()
    users = new.table("users.csv")
    repeated = users.cell(2, 0)
    users.set_cell(5, 0, repeated)
    with pytest.raises(DeltaError) as refused:
        build_delta(old, new)
    message = str(refused.value)
    assert "(s)" not in message
    assert f'"{repeated}"' in message
    assert "lines 4 and 7" in message  # header = line 1, as the grid and vendors count


def test_a_blank_sourcedid_is_found_by_its_line():
    old, new = bundles()
    new.table("users.csv").set_cell(5, 0, "")
    with pytest.raises(DeltaError) as refused:
        build_delta(old, new)
    message = str(refused.value)
    assert "(s)" not in message
    assert "1 record without a sourcedId (line 7)" in message
