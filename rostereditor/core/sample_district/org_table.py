"""orgs.csv: the district and its schools, with NCES-style identifiers that start with zeros."""

from __future__ import annotations

import numpy as np
import pyarrow as pa

from rostereditor.core.sample_district.draft_table import DraftTable
from rostereditor.core.sample_district.name_pools import PLACES
from rostereditor.core.sample_district.oneroster11_headers import HEADERS
from rostereditor.core.sample_district.school_levels import LEVELS
from rostereditor.core.sample_district.text_columns import concat_text, padded_numbers

DISTRICT_ID = "dst-0001"
DISTRICT_NAME = "Maplewood Unified School District"
# NCES local education agency ID: state 06 (California) + 5 digits; schools append 5 more.
DISTRICT_NCES_ID = "0601234"


def school_ids(count: int) -> pa.Array:
    return concat_text("sch-", padded_numbers(np.arange(1, count + 1), 4))


def school_names(school_level: np.ndarray) -> list[str]:
    names = []
    for index, level_index in enumerate(school_level):
        nth = int(np.sum(school_level[:index] == level_index))
        place = PLACES[(nth + 7 * int(level_index)) % len(PLACES)]
        repeat = nth // len(PLACES)
        names.append(f"{place} {LEVELS[level_index].name}" + (f" {repeat + 1}" if repeat else ""))
    return names


def build_orgs(school_level: np.ndarray) -> DraftTable:
    """The district first, then its schools; status and dateLastModified blank (bulk)."""
    rows = [[DISTRICT_ID, "", "", DISTRICT_NAME, "district", DISTRICT_NCES_ID, ""]]
    ids = school_ids(len(school_level)).to_pylist()
    for index, name in enumerate(school_names(school_level)):
        nces = f"{DISTRICT_NCES_ID}{(index + 1) * 37:05d}"
        rows.append([ids[index], "", "", name, "school", nces, DISTRICT_ID])
    return DraftTable.from_rows(HEADERS["orgs.csv"], rows)
