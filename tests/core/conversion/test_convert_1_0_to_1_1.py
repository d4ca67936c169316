"""1.0 → 1.1 (and on to 1.2): renamed and reordered columns, the new required ones, a manifest."""

from __future__ import annotations

import pytest
from conversion_bundles import bundle_of, errors_and_warnings, header, note_about, rows

from rostereditor.core.bundle import Bundle
from rostereditor.core.conversion import ConversionError, convert_bundle
from rostereditor.core.spec import spec_for

V10 = {
    "orgs.csv": """
sourcedId,status,dateLastModified,name,type,identifier,metadata.classification,metadata.gender,metadata.boarding,parentSourcedId
d1,,,Maplewood,local,,public,mixed,false,
s1,,,North High,school,,public,mixed,false,d1
""",
    "academicSessions.csv": """
sourcedId,status,dateLastModified,title,type,startDate,endDate,parentSourcedId
y1,,,2024-25,schoolYear,2024-08-15,2025-07-01,
t1,,,Fall,term,2024-08-15,2025-01-01,y1
g1,,,Q1,gradingPeriod,2024-08-15,2024-10-15,t1
""",
    "courses.csv": """
sourcedId,status,dateLastModified,schoolYearId,metadata.duration,title,courseCode,grade,orgSourcedId,subjects
co1,,,y1,year,Algebra,ALG,09,s1,Math
""",
    "classes.csv": """
sourcedId,status,dateLastModified,title,grade,courseSourcedId,classCode,classType,location,schoolSourcedId,termSourcedId,subjects
c1,,,Algebra 1,09,co1,A1,scheduled,R12,s1,t1,Math
""",
    "users.csv": """
sourcedId,status,dateLastModified,orgSourcedIds,role,username,userId,givenName,familyName,identifier,email,sms,phone,agents
t1,,,s1,teacher,tanaka,{LDAP:tanaka},Aiko,Tanaka,,,,,
st1,,,s1,student,stu1,,José,García,,,,,p1
p1,,,s1,parent,perez,,Pat,García,,,,,
""",
    "enrollments.csv": """
sourcedId,classSourcedId,schoolSourcedId,userSourcedId,role,status,dateLastModified,primary
e1,c1,s1,t1,teacher,,,true
e2,c1,s1,st1,student,,,false
""",
    "demographics.csv": """
userSourcedId,status,dateLastModified,birthdate,sex,americanIndianOrAlaskaNative,asian,blackOrAfricanAmerican,nativeHawaiianOrOtherPacificIslander,white,demographicRaceTwoOrMoreRaces,hispanicOrLatinoEthnicity,countryOfBirthCode,stateOfBirthAbbreviation,cityOfBirth,publicSchoolResidenceStatus
st1,,,2010-03-04,male,false,false,false,false,false,false,true,US,CA,Fresno,
""",
}


def v10(**changes: str) -> Bundle:
    return bundle_of({**V10, **changes}, "1.0")


def test_the_1_0_sample_is_clean_and_converts_clean():
    assert errors_and_warnings(v10()) == []
    result = convert_bundle(v10(), "1.1")
    assert result.bundle.detected_version == "1.1"
    assert errors_and_warnings(result.bundle) == []


def test_columns_are_renamed_reordered_and_extensions_moved_to_the_end():
    bundle = convert_bundle(v10(), "1.1").bundle
    spec = spec_for("1.1")
    for name in ("academicSessions.csv", "classes.csv", "enrollments.csv", "demographics.csv"):
        assert header(bundle, name) == spec.files[name].column_names, name
    assert header(bundle, "orgs.csv") == [*spec.files["orgs.csv"].column_names, "metadata.classification",
                                          "metadata.gender", "metadata.boarding"]
    assert header(bundle, "courses.csv")[-1] == "metadata.duration"
    enrollment = rows(bundle, "enrollments.csv")[0]
    assert (enrollment["sourcedId"], enrollment["role"], enrollment["primary"]) == ("e1", "teacher", "true")
    assert rows(bundle, "classes.csv")[0]["termSourcedIds"] == "t1"
    assert rows(bundle, "courses.csv")[0]["schoolYearSourcedId"] == "y1"
    assert rows(bundle, "demographics.csv")[0]["birthDate"] == "2010-03-04"
    assert rows(bundle, "users.csv")[1]["agentSourcedIds"] == "p1"
    assert rows(bundle, "orgs.csv")[0]["metadata.gender"] == "mixed"


def test_school_year_is_the_year_the_school_year_session_ends():
    result = convert_bundle(v10(), "1.1")
    assert [s["schoolYear"] for s in rows(result.bundle, "academicSessions.csv")] == ["2025"] * 3
    note_about(result.report, "changed", "filled schoolYear")


def test_a_school_year_ending_on_new_years_eve_counts_for_that_year():
    sessions = V10["academicSessions.csv"].replace("2024-08-15,2025-07-01", "2025-02-01,2026-01-01")
    result = convert_bundle(v10(**{"academicSessions.csv": sessions}), "1.1")
    assert rows(result.bundle, "academicSessions.csv")[0]["schoolYear"] == "2025"


def test_a_session_outside_any_school_year_is_left_for_a_person():
    sessions = V10["academicSessions.csv"].replace(",y1\n", ",\n")
    result = convert_bundle(v10(**{"academicSessions.csv": sessions}), "1.1")
    years = [s["schoolYear"] for s in rows(result.bundle, "academicSessions.csv")]
    assert years == ["2025", "", ""]
    assert note_about(result.report, "check", "not part of a schoolYear").examples == (
        "line 3: 't1'", "line 4: 'g1'")


def test_users_are_enabled_and_user_ids_move_when_already_typed():
    result = convert_bundle(v10(), "1.1")
    users = rows(result.bundle, "users.csv")
    assert [u["enabledUser"] for u in users] == ["true"] * 3
    assert users[0]["userIds"] == "{LDAP:tanaka}"
    assert "userId" not in users[0]
    note_about(result.report, "check", "enabledUser")
    note_about(result.report, "changed", "moved userId into userIds")


def test_untyped_user_ids_are_kept_as_an_extension_column():
    users = V10["users.csv"].replace("{LDAP:tanaka}", "T-77")
    result = convert_bundle(v10(**{"users.csv": users}), "1.1")
    assert header(result.bundle, "users.csv")[-1] == "metadata.userId"
    assert rows(result.bundle, "users.csv")[0]["metadata.userId"] == "T-77"
    assert rows(result.bundle, "users.csv")[0]["userIds"] == ""
    note_about(result.report, "check", "metadata.userId")


def test_inactive_becomes_tobedeleted():
    orgs = V10["orgs.csv"].replace("s1,,,North", "s1,inactive,2024-01-01T00:00:00Z,North")
    result = convert_bundle(v10(**{"orgs.csv": orgs}), "1.1")
    assert rows(result.bundle, "orgs.csv")[1]["status"] == "tobedeleted"
    assert note_about(result.report, "changed", "inactive became tobedeleted").count == 1


def test_an_enrollment_role_1_1_does_not_allow_is_kept_and_reported():
    enrollments = V10["enrollments.csv"] + "e3,c1,s1,p1,parent,,,false\n"
    result = convert_bundle(v10(**{"enrollments.csv": enrollments}), "1.1")
    assert rows(result.bundle, "enrollments.csv")[2]["role"] == "parent"
    note = note_about(result.report, "check",
                      "1 role value that OneRoster 1.1 does not allow (parent) was kept as it was")
    assert note.examples == ("line 4: 'parent'",)


def test_1_0_goes_to_1_2_through_1_1():
    result = convert_bundle(v10(), "1.2")
    assert result.bundle.detected_version == "1.2"
    assert result.report.source_version == "1.0"
    assert [r["role"] for r in rows(result.bundle, "roles.csv")] == ["teacher", "student", "parent"]
    assert errors_and_warnings(result.bundle) == []


def test_conversions_that_cannot_be_made_say_why():
    with pytest.raises(ConversionError, match=r"already OneRoster 1\.0"):
        convert_bundle(v10(), "1.0")
    with pytest.raises(ConversionError, match=r"1\.1 to 1\.0 is not supported"):
        convert_bundle(bundle_of({}, "1.1"), "1.0")
    with pytest.raises(ConversionError, match=r"1\.5 is not a version"):
        convert_bundle(v10(), "1.5")


def test_files_without_a_manifest_that_look_newer_convert_from_the_version_they_look_like():
    # Issue 9: manifest-less files that look like 1.1 are read as 1.1, not as 1.0.
    users_1_1 = ("sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username\n"
                 "u1,,,true,s1,teacher,x\n")
    unlabelled = bundle_of({"users.csv": users_1_1}, "1.0")
    assert unlabelled.detected_version == "1.1"
    converted = convert_bundle(unlabelled, "1.2")
    assert converted.report.source_version == "1.1"
    assert converted.bundle.detected_version == "1.2"
    assert convert_bundle(unlabelled, "1.2", source_version="1.1").bundle.detected_version == "1.2"
