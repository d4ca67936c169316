"""On any generated (clean) district: 1.1 → 1.2 validates clean, and 1.2 → 1.1 gives it back."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from rostereditor.core.bundle_reader import read_bundle
from rostereditor.core.bundle_writer import write_bundle_zip
from rostereditor.core.conversion import ConversionOptions, convert_bundle
from rostereditor.core.sample_district import generate_district
from rostereditor.core.validation import BundleValidator

districts = st.builds(generate_district, students=st.integers(1, 80), seed=st.integers(0, 2**32 - 1))


def problems(bundle):
    result = BundleValidator(bundle).run()
    return [(f.file, f.line, f.rule, f.message) for f in result.findings if f.severity != "info"]


@settings(max_examples=12, deadline=None)
@given(district=districts, resource_ids=st.booleans())
def test_a_clean_district_converted_to_1_2_validates_clean_and_converts_back_unchanged(
        district, resource_ids, tmp_path_factory):
    assert problems(district.bundle) == []
    up = convert_bundle(district.bundle, "1.2", options=ConversionOptions(user_resource_ids=resource_ids))
    assert not up.report.lost_anything, up.report.text()
    # Checked as written and read back, as a vendor would receive it.
    path = tmp_path_factory.mktemp("converted") / "district-1.2.zip"
    write_bundle_zip(up.bundle, path)
    written = read_bundle(path)
    assert written.detected_version == "1.2"
    assert problems(written) == []

    down = convert_bundle(written, "1.1")
    assert not down.report.lost_anything, down.report.text()
    original = district.bundle
    assert set(down.bundle.files) == set(original.files)
    for name in original.data_file_names:
        before, after = original.files[name].table, down.bundle.files[name].table
        assert after.header == before.header, name
        assert list(after.iter_rows()) == list(before.iter_rows()), name
    assert down.bundle.manifest == original.manifest


def test_the_report_reads_as_text_and_as_json():
    report = convert_bundle(generate_district(5, seed=1).bundle, "1.2").report
    text = report.text()
    assert text.startswith("Converted OneRoster 1.1 to 1.2.")
    assert "roles.csv: created" in text
    data = report.as_json()
    assert (data["from"], data["to"]) == ("1.1", "1.2")
    assert {n["kind"] for n in data["notes"]} == {"changed", "check"}
