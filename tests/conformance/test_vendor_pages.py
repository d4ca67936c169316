"""Every checkable rule on the vendor help pages the product was conceived from (the seed
pages in /work/shared/seeds/), each with a faulty bundle and its fixed twin."""

from __future__ import annotations

from conformance_bundles import Draft, check, errors, findings, where

# -- Great Minds: "OneRoster File Specifications: orgs.csv" ---------------------------------


def test_great_minds_accepts_only_school_and_district_orgs(tmp_path):
    # "type ... Must be 'school' or 'district'"; "does not support national, state, local".
    draft = Draft("1.1")
    draft.set("orgs.csv", 0, "type", "local")
    found = findings(check(draft.write(tmp_path), "greatminds"), "vendor.org-type")
    assert [(f.file, f.line, f.severity) for f in found] == [("orgs.csv", 2, "error")]
    assert "Great Minds accepts only the org types school, district" in found[0].message
    assert errors(check(Draft("1.1").write(tmp_path), "greatminds")) == []
    assert where(check(draft.write(tmp_path)), "vendor.org-type") == []  # spec allows local


def test_great_minds_ids_are_100_letters_digits_hyphen_underscore_dot(tmp_path):
    # "Must contain 100 or fewer characters; Supported characters: a-z A-Z 0-9 hyphen,
    # underscore, dot".
    draft = Draft("1.1")
    draft.set("orgs.csv", 2, "sourcedId", "s/2")
    draft.set("users.csv", 2, "orgSourcedIds", "s1,s/2")
    assert ("orgs.csv", 4, "error") in where(check(draft.write(tmp_path), "greatminds"),
                                             "vendor.id-format")
    draft.set("orgs.csv", 2, "sourcedId", "s" * 101)
    draft.set("users.csv", 2, "orgSourcedIds", "s1," + "s" * 101)
    assert ("orgs.csv", 4, "error") in where(check(draft.write(tmp_path), "greatminds"),
                                             "vendor.id-format")
    draft.set("orgs.csv", 2, "sourcedId", "s-2_x.y")
    draft.set("users.csv", 2, "orgSourcedIds", "s1,s-2_x.y")
    assert errors(check(draft.write(tmp_path), "greatminds")) == []


def test_great_minds_files_must_not_be_empty_and_are_bulk_only(tmp_path):
    # "Must not be empty"; "Great Minds supports bulk mode only": leave status blank.
    draft = Draft("1.1")
    draft.files["enrollments.csv"][1].clear()
    (finding,) = findings(check(draft.write(tmp_path), "greatminds"),
                          "bundle.header-only-file")
    assert "Delete" not in finding.message  # Great Minds requires enrollments.csv
    draft = Draft("1.1")
    draft.manifest = draft.manifest_rows()  # orgs.csv declared bulk
    draft.set("orgs.csv", 0, "status", "active")
    found = findings(check(draft.write(tmp_path), "greatminds"), "mode.bulk-filled")
    assert found
    assert "delta" not in found[0].message


# -- Renaissance: "Requirements for OneRoster Standard Imports" -------------------------------


def _renaissance(draft: Draft) -> Draft:
    draft.zip_name = "Roster.zip"
    return draft


def test_renaissance_accepts_its_own_columns(tmp_path):
    # Its tables end with renaissanceId and ext_renaissance_* columns; "If the columns in your
    # file do not match the Renaissance downloaded files, your imports will fail", so they
    # must never be called errors or renamed metadata.*.
    draft = _renaissance(Draft("1.1"))
    header, rows = draft.files["users.csv"]
    header += ["ext_renaissance_gradeTag", "renaissanceId"]
    for row in rows:
        row += ["9", "91d60007-3e8c-49c4-8960-dc625d3cd6aa"]
    assert errors(check(draft.write(tmp_path), "renaissance")) == []
    result = check(draft.write(tmp_path))  # the plain spec does not know them
    assert {f.rule for f in findings(result, "header.unknown-column")} == {
        "header.unknown-column"}


def test_renaissance_says_delete_an_unknown_column_not_rename_it(tmp_path):
    draft = _renaissance(Draft("1.1"))
    header, rows = draft.files["orgs.csv"]
    header.append("notes")
    for row in rows:
        row.append("")
    (finding,) = findings(check(draft.write(tmp_path), "renaissance"), "header.unknown-column")
    assert "Delete the column" in finding.message
    assert "metadata." not in finding.message


def test_renaissance_zip_is_named_roster_zip(tmp_path):
    # "If you prefer to combine your files into a .zip file, name the file Roster.zip."
    draft = Draft("1.1")
    draft.zip_name = "district.zip"
    assert where(check(draft.write(tmp_path), "renaissance"), "vendor.zip-name") == [
        (None, None, "error")]
    assert where(check(_renaissance(Draft("1.1")).write(tmp_path), "renaissance"),
                 "vendor.zip-name") == []


def test_renaissance_one_primary_teacher_per_class_is_a_must(tmp_path):
    # primary: "MUST only be set to true for ONE teacher for a class."
    draft = _renaissance(Draft("1.1"))
    draft.set("enrollments.csv", 3, "classSourcedId", "k1")
    draft.add("enrollments.csv", sourcedId="e5", classSourcedId="k2", schoolSourcedId="s1",
              userSourcedId="u3", role="teacher", primary="true")
    found = where(check(draft.write(tmp_path), "renaissance"), "class.primary-teachers")
    assert found == [("enrollments.csv", 4, "error"), ("enrollments.csv", 5, "error")]
    assert {s for _, _, s in where(check(draft.write(tmp_path)),
                                   "class.primary-teachers")} == {"warning"}


def test_renaissance_requires_the_demographics_fields_its_page_lists(tmp_path):
    # Demographics table: birthdate, sex, the race flags, countryOfBirthCode, cityOfBirth and
    # publicSchoolResidenceStatus YES; stateOfBirthAbbreviation mandatory for US births.
    draft = _renaissance(Draft("1.1"))
    draft.set("demographics.csv", 0, "cityOfBirth", "")
    draft.set("demographics.csv", 0, "stateOfBirthAbbreviation", "")
    found = findings(check(draft.write(tmp_path), "renaissance"), "vendor.required-value")
    assert [(f.column, f.severity) for f in found] == [("stateOfBirthAbbreviation", "warning"),
                                                       ("cityOfBirth", "error")]
    assert where(check(draft.write(tmp_path)), "vendor.required-value") == []
    draft.set("demographics.csv", 0, "countryOfBirthCode", "MX")
    draft.set("demographics.csv", 0, "cityOfBirth", "Monterrey")
    assert errors(check(draft.write(tmp_path), "renaissance")) == []


def test_renaissance_requires_all_files_even_empty_ones(tmp_path):
    # "All seven ... or eight ... files are required, even empty ones. Files which contain no
    # data MUST contain the header fields."
    draft = _renaissance(Draft("1.1"))
    draft.files["demographics.csv"][1].clear()
    assert errors(check(draft.write(tmp_path), "renaissance")) == []
    del draft.files["demographics.csv"]
    assert where(check(draft.write(tmp_path), "renaissance"), "bundle.missing-file") == [
        ("demographics.csv", None, "error")]


def test_renaissance_takes_1_0_or_1_1_only(tmp_path):
    draft = _renaissance(Draft("1.2"))
    (finding,) = findings(check(draft.write(tmp_path), "renaissance"), "vendor.version")
    assert finding.severity == "error"


def test_renaissance_dates_last_modified_as_yyyy_mm_dd(tmp_path):
    # "The date that this record was last modified (format is YYYY-MM-DD)."
    draft = _renaissance(Draft("1.1"))
    for row in draft.files["orgs.csv"][1]:
        row[1], row[2] = "active", "2024-08-15"
    assert where(check(draft.write(tmp_path), "renaissance"), "value.datetime-no-time") == []
    assert where(check(draft.write(tmp_path)), "value.datetime-no-time") != []


# -- ClassLink: "OneRoster 1.1 CSVs" -------------------------------------------------------------


def test_classlink_resources_files_all_three_or_none(tmp_path):
    # "If resources are included, all three files must be included as well."
    draft = Draft("1.1")
    draft.files["resources.csv"] = (
        ["sourcedId", "status", "dateLastModified", "vendorResourceId", "title", "roles",
         "importance", "vendorId", "applicationId"], [["res1", "", "", "v1", "Book", "", "", "",
                                                      ""]])
    found = findings(check(draft.write(tmp_path), "classlink"), "vendor.file-group")
    assert [(f.file, f.severity) for f in found] == [("classResources.csv", "error")]
    assert "courseResources.csv" in found[0].message
    draft.files["classResources.csv"] = (
        ["sourcedId", "status", "dateLastModified", "title", "classSourcedId",
         "resourceSourcedId"], [["cr1", "", "", "", "k1", "res1"]])
    draft.files["courseResources.csv"] = (
        ["sourcedId", "status", "dateLastModified", "title", "courseSourcedId",
         "resourceSourcedId"], [["co1", "", "", "", "c1", "res1"]])
    assert errors(check(draft.write(tmp_path), "classlink")) == []


def test_classlink_needs_seven_files_and_recommends_demographics(tmp_path):
    # "The server requires a minimum of 7 files, the 8th file (demographics.csv) is strongly
    # recommended."
    draft = Draft("1.1")
    del draft.files["demographics.csv"]
    assert where(check(draft.write(tmp_path), "classlink"), "vendor.recommended-file") == [
        ("demographics.csv", None, "info")]
    del draft.files["courses.csv"]
    assert ("courses.csv", None, "error") in where(check(draft.write(tmp_path), "classlink"),
                                                   "bundle.missing-file")


def test_classlink_usernames_are_sign_ins(tmp_path):
    # "the username column should match the user's login credentials": two users cannot
    # share one, and an invisible character breaks the sign-in.
    draft = Draft("1.1")
    draft.set("users.csv", 1, "username", "ana")
    assert {s for _, _, s in where(check(draft.write(tmp_path), "classlink"),
                                   "unique.username")} == {"error"}
    draft = Draft("1.1")
    draft.set("users.csv", 1, "username", "ben\u200b")
    assert where(check(draft.write(tmp_path), "classlink"), "value.hidden-character") == [
        ("users.csv", 3, "error")]
    assert errors(check(Draft("1.1").write(tmp_path), "classlink")) == []


def test_classlink_needs_every_template_column(tmp_path):
    # "All columns in the templates are required ... the column itself must still be present."
    draft = Draft("1.1")
    header, rows = draft.files["users.csv"]
    index = header.index("sms")
    del header[index]
    for row in rows:
        del row[index]
    assert ("users.csv", 1, "error") in where(check(draft.write(tmp_path), "classlink"),
                                              "header.missing-column")


# -- Naviance: "OneRoster manifest import fields" ----------------------------------------------


def _naviance(draft: Draft) -> Draft:
    draft.zip_name = "NavianceOneRoster.zip"
    return draft


def test_naviance_rejects_a_1_2_bundle(tmp_path):
    # "The OneRoster version this file set supports. Naviance supports version 1.1."
    (finding,) = findings(check(_naviance(Draft("1.2")).write(tmp_path), "naviance"),
                          "vendor.version")
    assert finding.severity == "error"
    assert where(check(_naviance(Draft("1.1")).write(tmp_path), "naviance"),
                 "vendor.version") == []


def test_naviance_zip_name_and_bulk_only(tmp_path):
    # "Create a ZIP file using the following naming convention: NavianceOneRoster.zip";
    # "Naviance only supports bulk."
    draft = Draft("1.1")
    assert where(check(draft.write(tmp_path), "naviance"), "vendor.zip-name") == [
        (None, None, "error")]
    draft = _naviance(Draft("1.1"))
    for row in draft.files["orgs.csv"][1]:
        row[1], row[2] = "active", "2024-08-15T10:00:00Z"
    assert where(check(draft.write(tmp_path), "naviance"), "vendor.bulk-only") == [
        ("orgs.csv", None, "error")]
    assert errors(check(_naviance(Draft("1.1")).write(tmp_path), "naviance")) == []


# -- Infinite Campus: "OneRoster Prerequisites" ------------------------------------------------


def test_infinite_campus_username_required_in_1_1_not_in_1_2(tmp_path):
    # "OneRoster 1.1 requires that a person record includes a username ... OneRoster 1.2 does
    # not require all person records to have a username."
    draft = Draft("1.1")
    draft.set("users.csv", 0, "username", "")
    assert where(check(draft.write(tmp_path), "infinitecampus"), "value.required") == [
        ("users.csv", 2, "error")]
    draft = Draft("1.2")
    draft.set("users.csv", 0, "username", "")
    assert errors(check(draft.write(tmp_path), "infinitecampus")) == []
    assert where(check(draft.write(tmp_path)), "value.required") == [("users.csv", 2, "error")]


def test_renaissance_checks_the_values_it_lists_for_its_own_columns(tmp_path):
    # ext_renaissance_language: "en-GB" or "en-US" or "en-AU" ... "es-MX" or "es-US";
    # ext_renaissance_gradeTag: "1-12" or "Pre-K" or "K".
    draft = _renaissance(Draft("1.1"))
    header, rows = draft.files["demographics.csv"]
    header.append("ext_renaissance_language")
    rows[0].append("English")
    users_header, users = draft.files["users.csv"]
    users_header.append("ext_renaissance_gradeTag")
    for row, tag in zip(users, ["9", "Grade 9", ""], strict=True):
        row.append(tag)
    found = findings(check(draft.write(tmp_path), "renaissance"), "vendor.value")
    assert [(f.file, f.line, f.column) for f in found] == [
        ("demographics.csv", 2, "ext_renaissance_language"),
        ("users.csv", 3, "ext_renaissance_gradeTag")]
    rows[0][-1] = "en-US"
    users[1][-1] = "Pre-K"
    assert errors(check(draft.write(tmp_path), "renaissance")) == []
