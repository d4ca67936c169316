"""Property: applying the delta from OLD to NEW to OLD gives NEW, value for value."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rostereditor.core.bundle import Bundle, BundleFile
from rostereditor.core.delta import apply_delta, build_delta
from rostereditor.core.manifest import MANIFEST_HEADER, generate_manifest
from rostereditor.core.table import Table

HEADERS = {
    "users.csv": ["sourcedId", "status", "dateLastModified", "givenName", "grades",
                  "metadata.note"],
    "classes.csv": ["sourcedId", "status", "dateLastModified", "title", "periods"],
}
# Exact text matters: zeros, spaces, quotes, commas, line breaks and accents must survive.
TEXT = st.sampled_from(["", "0", "007", " 09", "a,b", 'say "hi"', "line\nbreak", "José", "TRUE"])
IDS = st.text(alphabet="abc0123456789", min_size=1, max_size=4)


@st.composite
def versions(draw):
    old: dict[str, dict[str, list[str]]] = {}
    new: dict[str, dict[str, list[str]]] = {}
    for name, header in HEADERS.items():
        width = len(header) - 3
        ids = draw(st.lists(IDS, unique=True, max_size=8))
        rows = {i: draw(st.lists(TEXT, min_size=width, max_size=width)) for i in ids}
        old[name] = rows
        changed: dict[str, list[str]] = {}
        for i, values in rows.items():
            action = draw(st.sampled_from(["keep", "drop", "edit"]))
            if action == "keep":
                changed[i] = list(values)
            elif action == "edit":
                changed[i] = draw(st.lists(TEXT, min_size=width, max_size=width))
        for i in draw(st.lists(IDS, unique=True, max_size=4)):
            changed.setdefault(i, draw(st.lists(TEXT, min_size=width, max_size=width)))
        order = draw(st.permutations(list(changed)))
        new[name] = {i: changed[i] for i in order}
    return old, new


def _bundle(files: dict[str, dict[str, list[str]]]) -> Bundle:
    bundle = Bundle()
    for name, rows in files.items():
        body = [[i, "", "", *values] for i, values in rows.items()]
        bundle.files[name] = BundleFile(name, name, Table.from_rows(HEADERS[name], body))
        bundle.modes[name] = "bulk"
    manifest = generate_manifest("1.1", dict(bundle.modes))
    bundle.files["manifest.csv"] = BundleFile("manifest.csv", "manifest.csv",
                                              Table.from_rows(MANIFEST_HEADER, manifest))
    return bundle


def _records(bundle: Bundle, name: str) -> dict[str, list[str]]:
    table = bundle.table(name)
    return {table.cell(r, 0): table.row_values(r) for r in range(len(table))}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(versions())
def test_apply_of_delta_gives_new(pair):
    old_files, new_files = pair
    old, new = _bundle(old_files), _bundle(new_files)
    applied = apply_delta(old, build_delta(old, new, timestamp="2025-01-01T00:00:00.000Z").bundle)
    for name, header in HEADERS.items():
        assert applied.table(name).header == header
        assert _records(applied, name) == _records(new, name)
