"""The clean synthetic district: deterministic, complete, and valid under OneRoster 1.1 rules."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

import pytest

from rostereditor.core.bundle_reader import read_bundle
from rostereditor.core.bundle_writer import bundle_csv_files, write_bundle_zip
from rostereditor.core.sample_district import GeneratedDistrict, generate_district

Rows = dict[str, list[list[str]]]

# Typed out from the OneRoster 1.1 CSV tables, independently of the generator's own list.
SPEC_HEADERS = {
    "orgs.csv": "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId",
    "academicSessions.csv": "sourcedId,status,dateLastModified,title,type,startDate,endDate,"
    "parentSourcedId,schoolYear",
    "courses.csv": "sourcedId,status,dateLastModified,schoolYearSourcedId,title,courseCode,grades,"
    "orgSourcedId,subjects,subjectCodes",
    "classes.csv": "sourcedId,status,dateLastModified,title,grades,courseSourcedId,classCode,"
    "classType,location,schoolSourcedId,termSourcedIds,subjects,subjectCodes,periods",
    "users.csv": "sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,"
    "givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password",
    "enrollments.csv": "sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,"
    "userSourcedId,role,primary,beginDate,endDate",
    "demographics.csv": "sourcedId,status,dateLastModified,birthDate,sex,"
    "americanIndianOrAlaskaNative,asian,blackOrAfricanAmerican,nativeHawaiianOrOtherPacificIslander,"
    "white,demographicRaceTwoOrMoreRaces,hispanicOrLatinoEthnicity,countryOfBirthCode,"
    "stateOfBirthAbbreviation,cityOfBirth,publicSchoolResidenceStatus",
}
CEDS_GRADES = {"IT", "PR", "PK", "TK", "KG", *(f"{g:02d}" for g in range(1, 14)), "PS", "UG", "Other"}
ENUMS = {
    ("orgs.csv", "type"): {"department", "school", "district", "local", "state", "national"},
    ("academicSessions.csv", "type"): {"gradingPeriod", "semester", "schoolYear", "term"},
    ("classes.csv", "classType"): {"homeroom", "scheduled"},
    ("users.csv", "role"): {"administrator", "aide", "guardian", "parent", "proctor", "relative",
                            "student", "teacher"},
    ("users.csv", "enabledUser"): {"true", "false"},
    ("enrollments.csv", "role"): {"administrator", "proctor", "student", "teacher"},
    ("enrollments.csv", "primary"): {"true", "false", ""},
    ("demographics.csv", "sex"): {"male", "female"},
    **{("demographics.csv", flag): {"true", "false"} for flag in (
        "americanIndianOrAlaskaNative", "asian", "blackOrAfricanAmerican",
        "nativeHawaiianOrOtherPacificIslander", "white", "demographicRaceTwoOrMoreRaces",
        "hispanicOrLatinoEthnicity")},
}
REQUIRED = {
    "orgs.csv": ["sourcedId", "name", "type"],
    "academicSessions.csv": ["sourcedId", "title", "type", "startDate", "endDate", "schoolYear"],
    "courses.csv": ["sourcedId", "title", "orgSourcedId"],
    "classes.csv": ["sourcedId", "title", "courseSourcedId", "classType", "schoolSourcedId",
                    "termSourcedIds"],
    "users.csv": ["sourcedId", "enabledUser", "orgSourcedIds", "role", "username", "givenName",
                  "familyName"],
    "enrollments.csv": ["sourcedId", "classSourcedId", "schoolSourcedId", "userSourcedId", "role"],
    "demographics.csv": ["sourcedId"],
}


def records(rows: Rows, name: str) -> list[dict[str, str]]:
    header, *body = rows[name]
    return [dict(zip(header, values, strict=True)) for values in body]


def by_id(rows: Rows, name: str) -> dict[str, dict[str, str]]:
    return {r["sourcedId"]: r for r in records(rows, name)}


def test_same_seed_gives_identical_bytes_in_every_file() -> None:
    first = bundle_csv_files(generate_district(120, seed=9).bundle)
    second = bundle_csv_files(generate_district(120, seed=9).bundle)
    assert first == second
    assert bundle_csv_files(generate_district(120, seed=10).bundle)["users.csv"] != first["users.csv"]


def test_bundle_is_a_new_oneroster_1_1_bulk_bundle(
    clean_district: GeneratedDistrict, clean_rows: Rows
) -> None:
    bundle = clean_district.bundle
    assert bundle.source_kind == "new"
    assert bundle.detected_version == "1.1"
    assert clean_district.damage == []
    manifest = dict(clean_rows["manifest.csv"][1:])
    assert manifest["oneroster.version"] == "1.1"
    for name in SPEC_HEADERS:
        assert bundle.mode(name) == "bulk"
        assert manifest["file." + name.removesuffix(".csv")] == "bulk"
    assert manifest["file.results"] == "absent"


def test_headers_are_the_spec_headers_in_order(clean_rows: Rows) -> None:
    assert set(clean_rows) == {*SPEC_HEADERS, "manifest.csv"}
    for name, header in SPEC_HEADERS.items():
        assert clean_rows[name][0] == header.split(","), name


def test_records_are_rectangular_bulk_and_clean_text(clean_rows: Rows) -> None:
    for name in SPEC_HEADERS:
        header, *body = clean_rows[name]
        assert body, f"{name} has no records (the spec forbids empty files)"
        for values in body:
            assert len(values) == len(header)
            record = dict(zip(header, values, strict=True))
            assert record["status"] == ""
            assert record["dateLastModified"] == ""
            for column in REQUIRED[name]:
                assert record[column] != "", (name, column, values)
            for value in values:
                assert value == value.strip()
                assert "\n" not in value
                assert "\r" not in value


def test_enumerations_hold_only_allowed_values(clean_rows: Rows) -> None:
    for (name, column), allowed in ENUMS.items():
        seen = {r[column] for r in records(clean_rows, name)}
        assert seen <= allowed, (name, column, seen - allowed)


def test_sourced_ids_are_unique_and_use_the_guid_characters(clean_rows: Rows) -> None:
    for name in SPEC_HEADERS:
        ids = [r["sourcedId"] for r in records(clean_rows, name)]
        assert len(ids) == len(set(ids)), name
        assert all(re.fullmatch(r"[A-Za-z0-9._\-/@]{1,255}", i) for i in ids), name


def test_every_reference_resolves_to_a_record_of_the_right_type(clean_rows: Rows) -> None:
    orgs = by_id(clean_rows, "orgs.csv")
    sessions = by_id(clean_rows, "academicSessions.csv")
    courses = by_id(clean_rows, "courses.csv")
    classes = by_id(clean_rows, "classes.csv")
    users = by_id(clean_rows, "users.csv")
    schools = {i for i, o in orgs.items() if o["type"] == "school"}

    for org in orgs.values():
        assert org["parentSourcedId"] in {"", *orgs}
    for session in sessions.values():
        assert session["parentSourcedId"] in {"", *sessions}
    for course in courses.values():
        assert sessions[course["schoolYearSourcedId"]]["type"] == "schoolYear"
        assert course["orgSourcedId"] in schools
    for klass in classes.values():
        assert klass["courseSourcedId"] in courses
        assert klass["schoolSourcedId"] in schools
        assert all(t in sessions for t in klass["termSourcedIds"].split(","))
    for user in users.values():
        assert all(o in orgs for o in user["orgSourcedIds"].split(","))
        agents = [a for a in user["agentSourcedIds"].split(",") if a]
        assert all(a in users for a in agents)
    for enrollment in records(clean_rows, "enrollments.csv"):
        klass = classes[enrollment["classSourcedId"]]
        assert enrollment["schoolSourcedId"] == klass["schoolSourcedId"]
        assert enrollment["userSourcedId"] in users
    demographics = records(clean_rows, "demographics.csv")
    assert all(d["sourcedId"] in users for d in demographics)


def test_schools_have_nces_identifiers_with_leading_zeros(clean_rows: Rows) -> None:
    orgs = records(clean_rows, "orgs.csv")
    district = [o for o in orgs if o["type"] == "district"]
    schools = [o for o in orgs if o["type"] == "school"]
    assert len(district) == 1
    names = " ".join(o["name"] for o in schools)
    assert all(level in names for level in ("Elementary", "Middle", "High"))
    for school in schools:
        assert school["parentSourcedId"] == district[0]["sourcedId"]
        assert re.fullmatch(r"0\d{11}", school["identifier"])


def test_sessions_nest_and_run_forward(clean_rows: Rows) -> None:
    sessions = by_id(clean_rows, "academicSessions.csv")
    types = Counter(s["type"] for s in sessions.values())
    assert types["schoolYear"] == 1
    assert types["semester"] == 2
    year = next(s for s in sessions.values() if s["type"] == "schoolYear")
    assert year["schoolYear"] == year["endDate"][:4]  # the year in which the school year ends
    for session in sessions.values():
        start, end = date.fromisoformat(session["startDate"]), date.fromisoformat(session["endDate"])
        assert start < end
        if session["parentSourcedId"]:
            parent = sessions[session["parentSourcedId"]]
            assert parent["startDate"] <= session["startDate"]
            assert session["endDate"] <= parent["endDate"]
            assert session["type"] != "schoolYear"
        else:
            assert session["type"] == "schoolYear"


def test_grades_are_ceds_codes_consistent_with_the_school(clean_rows: Rows) -> None:
    orgs = by_id(clean_rows, "orgs.csv")
    users = records(clean_rows, "users.csv")
    students = [u for u in users if u["role"] == "student"]
    seen = {s["grades"] for s in students}
    assert seen <= CEDS_GRADES
    assert {"KG", "01", "09", "12"} <= seen
    level_grades = {
        "Elementary": {"KG", "01", "02", "03", "04", "05"},
        "Middle": {"06", "07", "08"},
        "High": {"09", "10", "11", "12"},
    }
    for student in students:
        school = orgs[student["orgSourcedIds"]]["name"]
        level = next(k for k in level_grades if k in school)
        assert student["grades"] in level_grades[level], (student["grades"], school)
    for name in ("courses.csv", "classes.csv"):
        assert {r["grades"] for r in records(clean_rows, name)} <= CEDS_GRADES


def test_courses_and_classes_pair_subjects_with_codes(clean_rows: Rows) -> None:
    for name in ("courses.csv", "classes.csv"):
        for record in records(clean_rows, name):
            subjects = [s for s in record["subjects"].split(",") if s]
            codes = [c for c in record["subjectCodes"].split(",") if c]
            assert len(subjects) == len(codes)


def test_each_class_has_exactly_one_primary_teacher(clean_rows: Rows) -> None:
    users = by_id(clean_rows, "users.csv")
    primaries: Counter[str] = Counter()
    for enrollment in records(clean_rows, "enrollments.csv"):
        role = users[enrollment["userSourcedId"]]["role"]
        assert enrollment["role"] == role
        if enrollment["primary"] == "true":
            assert role == "teacher"
            primaries[enrollment["classSourcedId"]] += 1
    assert set(primaries) == set(by_id(clean_rows, "classes.csv"))
    assert set(primaries.values()) == {1}
    teachers = [e for e in records(clean_rows, "enrollments.csv") if e["role"] == "teacher"]
    assert any(e["primary"] == "false" for e in teachers), "some classes should have a co-teacher"


def test_students_have_eight_to_ten_classes_inside_the_class_terms(clean_rows: Rows) -> None:
    sessions = by_id(clean_rows, "academicSessions.csv")
    classes = by_id(clean_rows, "classes.csv")
    per_student: Counter[str] = Counter()
    for enrollment in records(clean_rows, "enrollments.csv"):
        terms = [sessions[t] for t in classes[enrollment["classSourcedId"]]["termSourcedIds"].split(",")]
        assert min(t["startDate"] for t in terms) <= enrollment["beginDate"]
        assert enrollment["endDate"] <= max(t["endDate"] for t in terms)
        assert enrollment["beginDate"] < enrollment["endDate"]
        if enrollment["role"] == "student":
            per_student[enrollment["userSourcedId"]] += 1
    students = [u for u in records(clean_rows, "users.csv") if u["role"] == "student"]
    assert len(per_student) == len(students)
    assert set(per_student.values()) <= set(range(8, 11))
    assert 8.5 <= sum(per_student.values()) / len(per_student) <= 9.5


def test_students_guardians_and_demographics_are_linked(clean_rows: Rows) -> None:
    users = by_id(clean_rows, "users.csv")
    roles = Counter(u["role"] for u in users.values())
    assert roles["administrator"] >= 1
    assert roles["teacher"] >= 1
    assert roles["student"] == 300
    assert roles["guardian"] >= 300
    children = defaultdict(set)
    for user in users.values():
        if user["role"] == "guardian":
            children[user["sourcedId"]] = set(user["agentSourcedIds"].split(","))
    for student in (u for u in users.values() if u["role"] == "student"):
        guardians = student["agentSourcedIds"].split(",")
        assert 1 <= len(guardians) <= 2
        for guardian in guardians:
            assert users[guardian]["role"] == "guardian"
            assert student["sourcedId"] in children[guardian]
    demographics = records(clean_rows, "demographics.csv")
    assert sorted(d["sourcedId"] for d in demographics) == sorted(
        u["sourcedId"] for u in users.values() if u["role"] == "student"
    )
    for record in demographics:
        assert date.fromisoformat(record["birthDate"]).year >= 2004


def test_ids_logins_and_names_look_like_real_exports(clean_rows: Rows) -> None:
    users = records(clean_rows, "users.csv")
    assert any(re.fullmatch(r"0\d+", u["sourcedId"]) for u in users)
    assert all(u["username"].isascii() and u["email"].isascii() for u in users)
    assert len({u["username"] for u in users}) == len(users)
    assert all(u["enabledUser"] == "true" for u in users)
    students = [u for u in users if u["role"] == "student"]
    assert all(u["userIds"] == "{SIS:" + u["sourcedId"] + "}" for u in students)
    names = " ".join(u["givenName"] + " " + u["familyName"] for u in users)
    for expected in ("García", "José", "Zoë", "O'Brien", "Smith-Jones", "王", "Nguyễn", "Олег", "محمد"):
        assert expected in names


def test_lists_are_quoted_in_the_written_csv(clean_zip: Path) -> None:
    import zipfile

    with zipfile.ZipFile(clean_zip) as archive:
        classes = archive.read("classes.csv").decode("utf-8")
    assert '"ay2025-s1,ay2025-s2"' in classes
    assert "\r\n" in classes
    assert "\n" not in classes.replace("\r\n", "")


def test_non_latin_names_survive_a_write_and_read(clean_district: GeneratedDistrict, tmp_path: Path) -> None:
    path = tmp_path / "roundtrip.zip"
    write_bundle_zip(clean_district.bundle, path)
    reread = read_bundle(path)
    for name in SPEC_HEADERS:
        before = clean_district.bundle.files[name].table
        after = reread.files[name].table
        assert after.header == before.header
        for col in range(before.column_count):
            assert after.column_values(col) == before.column_values(col), (name, before.header[col])
    users = reread.files["users.csv"].table
    family = users.column_values(users.column_index("familyName"))
    assert "王" in family
    assert "Nguyễn" in family


@pytest.mark.parametrize("students", [1, 13, 40])
def test_tiny_districts_are_still_complete(students: int) -> None:
    bundle = generate_district(students, seed=5).bundle
    for name in SPEC_HEADERS:
        assert len(bundle.files[name].table) >= 1, name
    with pytest.raises(ValueError, match="at least one student"):
        generate_district(0)
