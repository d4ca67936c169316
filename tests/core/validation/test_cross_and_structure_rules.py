"""Rules across records and files, headers, manifest and bundle: failing and passing cases."""

from __future__ import annotations

from roster_fixture import set_value, valid_bundle

from rostereditor.core.bundle import BundleFile
from rostereditor.core.read_notice import NoticeLevel, ReadNotice
from rostereditor.core.table import Table
from rostereditor.core.validation import BundleValidator


def _rules(bundle, profile="1edtech", version=None):
    return [(f.file, f.line, f.column, f.rule)
            for f in BundleValidator(bundle, profile, version).run().findings]


def test_duplicate_sourced_id_flags_every_copy():
    bundle = valid_bundle()
    set_value(bundle, "enrollments.csv", 1, "sourcedId", "e1")
    assert _rules(bundle) == [("enrollments.csv", 2, "sourcedId", "unique.sourced-id"),
                              ("enrollments.csv", 3, "sourcedId", "unique.sourced-id")]


def test_unresolved_reference_is_error_in_bulk_and_warning_in_delta():
    for mode, severity in (("bulk", "error"), ("delta", "warning")):
        bundle = valid_bundle(mode)
        line = set_value(bundle, "enrollments.csv", 0, "userSourcedId", "u9")
        found = [f for f in BundleValidator(bundle).run().findings if f.rule == "ref.unresolved"]
        assert [(f.line, f.column, f.severity) for f in found] == [
            (line, "userSourcedId", severity)]
        assert "users.csv" in found[0].message


def test_reference_list_names_the_missing_items():
    bundle = valid_bundle()
    set_value(bundle, "users.csv", 2, "orgSourcedIds", "s1,s7")
    found = [f for f in BundleValidator(bundle).run().findings if f.rule == "ref.unresolved"]
    assert [(f.line, f.column) for f in found] == [(4, "orgSourcedIds")]
    assert "s7" in found[0].message
    assert "s1," not in found[0].message


def test_school_reference_must_be_a_school():
    bundle = valid_bundle()
    set_value(bundle, "classes.csv", 0, "schoolSourcedId", "d1")
    assert ("classes.csv", 2, "schoolSourcedId", "ref.wrong-type") in _rules(bundle)


def test_two_primary_teachers_in_a_class():
    bundle = valid_bundle()
    set_value(bundle, "enrollments.csv", 3, "classSourcedId", "k1")
    primary = [r for r in _rules(bundle) if r[3] == "class.primary-teachers"]
    assert [r[1] for r in primary] == [4, 5]


def test_two_demographics_rows_for_one_user():
    bundle = valid_bundle()
    table = bundle.table("demographics.csv")
    table.insert_rows(1, [table.row_values(0)])
    rules = [r for r in _rules(bundle) if r[3] == "unique.demographics-user"]
    assert len(rules) == 2


def test_header_problems():
    bundle = valid_bundle()
    table = bundle.table("users.csv")
    table.rename_column(table.column_index("givenName"), "GivenName")
    table.rename_column(table.column_index("password"), "pwd")
    table.rename_column(0, "\ufeffsourcedId")
    found = {(f.column, f.rule, f.fix) for f in BundleValidator(bundle).run().for_file("users.csv")}
    assert ("GivenName", "header.misspelled-column", "givenName") in found
    assert ("pwd", "header.unknown-column", None) in found
    assert ("password", "header.missing-column", None) in found
    assert ("\ufeffsourcedId", "header.bom", "sourcedId") in found


def test_metadata_column_must_be_at_the_end():
    bundle = valid_bundle()
    orgs = bundle.table("orgs.csv")
    header = ["sourcedId", "metadata.x", *orgs.header[1:]]
    rows = [[r[0], "", *r[1:]] for r in orgs.iter_rows()]
    bundle.files["orgs.csv"] = BundleFile("orgs.csv", "orgs.csv", Table.from_rows(header, rows))
    assert ("orgs.csv", 1, "metadata.x", "header.extension-position") in _rules(bundle)
    header = [*orgs.header, "metadata.x"]
    rows = [[*r, ""] for r in orgs.iter_rows()]
    bundle.files["orgs.csv"] = BundleFile("orgs.csv", "orgs.csv", Table.from_rows(header, rows))
    assert _rules(bundle) == []


def test_ragged_record_and_trailing_empty_column():
    bundle = valid_bundle()
    users = bundle.table("users.csv")
    rows = [*users.iter_rows()]
    rows[1] = rows[1][:-1]
    bundle.files["users.csv"] = BundleFile("users.csv", "users.csv",
                                           Table.from_rows(users.header, rows))
    assert ("users.csv", 3, None, "read.ragged-record") in _rules(bundle)
    courses = bundle.table("courses.csv")
    bundle.files["courses.csv"] = BundleFile("courses.csv", "courses.csv", Table.from_rows(
        [*courses.header, ""], [[*r, ""] for r in courses.iter_rows()]))
    assert ("courses.csv", 1, None, "excel.trailing-empty-columns") in _rules(bundle)


def test_manifest_rules():
    bundle = valid_bundle()
    set_value(bundle, "manifest.csv", 0, "value", "1")
    set_value(bundle, "manifest.csv", 3, "value", "bulk")  # file.categories, not in the bundle
    findings = BundleValidator(bundle).run().for_file("manifest.csv")
    assert [(f.line, f.rule, f.fix) for f in findings if f.rule == "manifest.version"] == [
        (2, "manifest.version", "1.0")]
    assert any(f.rule == "manifest.file-mismatch" for f in findings)


def test_missing_files_unknown_file_and_header_only_file():
    bundle = valid_bundle()
    del bundle.files["manifest.csv"]
    assert (None, None, None, "bundle.no-manifest") in _rules(bundle, version="1.1")
    assert (None, None, None, "bundle.no-manifest") not in _rules(bundle, version="1.0")
    bundle = valid_bundle()
    bundle.files["roles.csv"] = BundleFile("roles.csv", "roles.csv", Table.from_rows(["a"], [["b"]]))
    assert ("roles.csv", None, None, "bundle.unknown-file") in _rules(bundle)
    bundle = valid_bundle()
    header = bundle.table("demographics.csv").header
    bundle.files["demographics.csv"] = BundleFile("demographics.csv", "demographics.csv",
                                                  Table.from_rows(header, []))
    assert ("demographics.csv", None, None, "bundle.header-only-file") in _rules(bundle)
    assert ("demographics.csv", None, None, "bundle.header-only-file") not in _rules(
        bundle, "renaissance")


def test_vendor_requires_zip_name_and_files(tmp_path):
    bundle = valid_bundle()
    bundle.source, bundle.source_kind = tmp_path / "roster.zip", "zip"
    (tmp_path / "roster.zip").write_bytes(b"PK")
    found = BundleValidator(bundle, "labaids").run().findings
    assert [f.message for f in found if f.rule == "vendor.zip-name"] == [
        "Lab-Aids only accepts a zip named OneRosterv1p1BaseCSV.zip; this one is roster.zip. "
        "Save the bundle under that name."]
    del bundle.files["courses.csv"]
    assert ("courses.csv", None, None, "bundle.missing-file") in _rules(bundle, "stmath")
    assert ("courses.csv", None, None, "bundle.missing-file") not in _rules(bundle, "greatminds")


def test_reader_notices_become_findings():
    bundle = valid_bundle()
    bundle.notices.append(ReadNotice("read.encoding-converted", NoticeLevel.WARNING,
                                     "Converted from Windows-1252.", "users.csv"))
    assert ("users.csv", None, None, "read.encoding-converted") in _rules(bundle)


def test_users_1_2_accepts_both_published_layouts():
    from rostereditor.core.spec import spec_for

    users = spec_for("1.2").file("users.csv")
    for layout in users.layouts():
        bundle = valid_bundle()
        bundle.files["users.csv"] = BundleFile("users.csv", "users.csv",
                                               Table.from_rows(layout, []))
        header_rules = [r for r in _rules(bundle, version="1.2")
                        if r[0] == "users.csv" and r[3].startswith("header.")]
        assert header_rules == []
