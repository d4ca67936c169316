"""Files, manifest and the bytes themselves: what the reader sees, the manifest's own rules,
and one finding per cascade. Sources: spec.md (/work/shared/reference/oneroster-spec.md)."""

from __future__ import annotations

import zipfile

from conformance_bundles import Draft, check, errors, findings, where

from rostereditor.core.bundle_reader import read_bundle
from rostereditor.core.validation import BundleValidator

# -- spec.md §2 CSV syntax: RFC 4180 quoting ------------------------------------------------

def test_a_stray_quote_in_an_unquoted_value_is_an_error_at_its_line(tmp_path):
    draft = Draft("1.1")
    draft.raw["users.csv"] = (b"sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,"
                              b"role,username,userIds,givenName,familyName,middleName,identifier,"
                              b"email,sms,phone,agentSourcedIds,grades,password\r\n"
                              b"u1,,,true,s1,student,ana,,Ana,Ruiz,,000101,,,,,09,\r\n"
                              b"u2,,,true,s1,student,ben,,Ben,O\"Lee,,000102,,,,,09,\r\n"
                              b"u3,,,true,s1,teacher,cat,,Cat,\"O\"\"Ng\",,000103,,,,,,\r\n")
    result = check(draft.write(tmp_path))
    (finding,) = findings(result, "read.stray-quote")
    assert (finding.file, finding.line, finding.column, finding.severity) == (
        "users.csv", 3, "familyName", "error")
    assert "Saving from RosterEditor" in finding.message


def test_a_correctly_doubled_quote_is_fine(tmp_path):
    draft = Draft("1.1")
    draft.set("users.csv", 1, "familyName", 'O"Lee')  # written "O""Lee" by our writer
    result = check(draft.write(tmp_path))
    assert where(result, "read.stray-quote") == []
    assert errors(result) == []


# -- spec.md §2 Encoding: UTF-8; Zip: files at the root ------------------------------------

def test_a_file_that_is_not_utf8_cannot_be_sent_as_it_is(tmp_path):
    draft = Draft("1.1")
    draft.set("users.csv", 0, "givenName", "José")
    header, rows = draft.files["users.csv"]
    draft.raw["users.csv"] = "\r\n".join(",".join(r) for r in [header, *rows]).encode("cp1252")
    result = check(draft.write(tmp_path))
    (finding,) = findings(result, "read.encoding-converted")
    assert (finding.file, finding.severity) == ("users.csv", "error")
    assert "saving from RosterEditor writes it as UTF-8" in finding.message
    twin = Draft("1.1")
    twin.set("users.csv", 0, "givenName", "José")
    assert errors(check(twin.write(tmp_path))) == []


def test_files_inside_a_folder_in_the_zip_cannot_be_sent_as_they_are(tmp_path):
    draft = Draft("1.1")
    draft.folder = "export-2024"
    (finding,) = findings(check(draft.write(tmp_path)), "read.zip-folder")
    assert finding.severity == "error"
    assert "saving from RosterEditor writes them at the top of the zip" in finding.message
    assert errors(check(Draft("1.1").write(tmp_path))) == []


# -- spec.md §4 manifest.csv ----------------------------------------------------------------

def test_a_manifest_property_listed_twice(tmp_path):
    draft = Draft("1.1")
    draft.manifest = [*draft.manifest_rows(), ["file.users", "bulk"]]
    found = findings(check(draft.write(tmp_path)), "manifest.duplicate-property")
    assert [(f.file, f.line, f.severity) for f in found] == [("manifest.csv", 17, "error")]
    assert "lines 16 and 17" in found[0].message


def test_a_manifest_row_with_three_cells_or_one(tmp_path):
    draft = Draft("1.1")
    rows = draft.manifest_rows()
    rows[2] = [*rows[2], "extra"]
    rows[3] = rows[3][:1]
    draft.manifest = rows
    found = where(check(draft.write(tmp_path)), "manifest.row-width")
    assert found == [("manifest.csv", 4, "error"), ("manifest.csv", 5, "error")]


def test_oneroster_version_written_v1_2_is_read_as_1_2_and_said(tmp_path):
    draft = Draft("1.2")
    rows = draft.manifest_rows()
    rows[1] = ["oneroster.version", "v1.2"]
    draft.manifest = rows
    result = check(draft.write(tmp_path))
    assert result.version == "1.2"  # not 1.1 with a cascade of wrong-version findings
    (finding,) = findings(result, "manifest.oneroster-version")
    assert (finding.line, finding.fix, finding.severity) == (3, "1.2", "error")
    assert "read as 1.2" in finding.message
    assert [f.rule for f in result.findings] == ["manifest.oneroster-version"]


# -- spec.md §1 versions: no manifest ---------------------------------------------------------

def test_loose_1_1_files_without_a_manifest_are_checked_as_1_1(tmp_path):
    draft = Draft("1.1")
    folder = tmp_path / "loose"
    folder.mkdir()
    with zipfile.ZipFile(draft.write(tmp_path, with_manifest=False)) as archive:
        archive.extractall(folder)
    result = check(folder)
    assert result.version == "1.1"
    assert [(f.rule, f.severity) for f in result.findings] == [("bundle.no-manifest", "error")]
    assert "look like OneRoster 1.1" in result.findings[0].message


def test_a_1_0_bundle_gets_no_bulk_or_delta_advice(tmp_path):
    # 1.0 has no manifest and no bulk/delta files: status may be filled or not.
    draft = Draft("1.0", files={
        "orgs.csv": (["sourcedId", "status", "dateLastModified", "name", "type", "identifier",
                      "metadata.classification", "metadata.gender", "metadata.boarding",
                      "parentSourcedId"],
                     [["s1", "active", "2024-08-15", "High", "school", "", "", "", "", ""],
                      ["s2", "", "", "Middle", "school", "", "", "", "", ""]]),
    })
    result = check(draft.write(tmp_path), version="1.0")
    text = " ".join(f.message for f in result.findings).lower()
    assert "delta" not in text
    assert "bulk" not in text
    assert not [f for f in result.findings if f.rule.startswith("mode.")]


# -- one finding for a cascade ------------------------------------------------------------------

def test_a_missing_courses_file_is_one_finding_with_the_count(tmp_path):
    draft = Draft("1.1")
    del draft.files["courses.csv"]
    result = check(draft.write(tmp_path))
    assert [(f.rule, f.file, f.column, f.severity) for f in result.findings] == [
        ("ref.missing-file", "classes.csv", "courseSourcedId", "error")]
    assert "2 classes in classes.csv refer to courses.csv" in result.findings[0].message


def test_a_missing_file_in_a_delta_bundle_is_a_warning(tmp_path):
    draft = Draft("1.1")
    del draft.files["courses.csv"]
    for row in draft.files["classes.csv"][1]:
        row[1], row[2] = "active", "2024-08-15T10:00:00Z"
    assert where(check(draft.write(tmp_path)), "ref.missing-file") == [
        ("classes.csv", None, "warning")]


def test_adding_the_file_back_clears_the_finding_while_editing():
    import copy

    from rostereditor.core.bundle import Bundle, BundleFile
    from rostereditor.core.table import Table

    draft = Draft("1.1")
    bundle = Bundle()
    for name, (header, rows) in draft.files.items():
        if name != "courses.csv":
            bundle.files[name] = BundleFile(name, name, Table.from_rows(header, rows))
    manifest = [r for r in draft.manifest_rows() if r[0] != "file.courses"]
    manifest.append(["file.courses", "absent"])
    bundle.files["manifest.csv"] = BundleFile("manifest.csv", "manifest.csv",
                                              Table.from_rows(["propertyName", "value"],
                                                              manifest))
    validator = BundleValidator(bundle)
    assert [f.rule for f in validator.run().findings] == ["ref.missing-file"]
    header, rows = copy.deepcopy(draft.files["courses.csv"])
    bundle.files["courses.csv"] = BundleFile("courses.csv", "courses.csv",
                                             Table.from_rows(header, rows))
    bundle.table("manifest.csv").set_cell(len(manifest) - 1, 1, "bulk")
    assert validator.revalidate_all().findings == []


def test_a_required_empty_file_is_never_told_to_be_deleted(tmp_path):
    # spec.md §1: a 1.0 bundle must have all seven files.
    draft = Draft("1.0", files={
        "orgs.csv": (["sourcedId", "status", "dateLastModified", "name", "type", "identifier",
                      "metadata.classification", "metadata.gender", "metadata.boarding",
                      "parentSourcedId"], [])})
    found = findings(check(draft.write(tmp_path), version="1.0"), "bundle.header-only-file")
    assert found
    assert all("Delete" not in f.message for f in found)


def test_read_bundle_of_the_base_draft_round_trips(tmp_path):
    path = Draft("1.2").write(tmp_path)
    assert read_bundle(path).detected_version == "1.2"
