"""1.1 → 1.2: roles.csv from users' orgs and role, the 1.2 columns, and a report of each choice."""

from __future__ import annotations

import uuid

from conversion_bundles import bundle_of, errors_and_warnings, header, note_about, notes, rows

from rostereditor.core.conversion import convert_bundle
from rostereditor.core.conversion.file_steps import ConversionOptions
from rostereditor.core.spec import spec_for

ORGS = """
sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId
d1,,,Maplewood District,district,,
s1,,,North High,school,,d1
s2,,,South High,school,,d1
"""
USERS = """
sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password,metadata.badge
t1,,,true,s1,teacher,tanaka,,Aiko,Tanaka,,,,,,,,,B-7
a1,,,true,d1,administrator,ames,,Ann,Ames,,,,,,,,,
a2,,,true,s2,administrator,brown,,Bo,Brown,,,,,,,,,
st1,,,true,"s1,s2",student,stu1,,José,García,,,,,,,09,,
"""


def test_users_become_users_and_one_role_record_per_org():
    converted = convert_bundle(bundle_of({"orgs.csv": ORGS, "users.csv": USERS}, "1.1"), "1.2")
    bundle = converted.bundle
    assert bundle.detected_version == "1.2"
    assert header(bundle, "users.csv") == [*spec_for("1.2").files["users.csv"].column_names,
                                           "metadata.badge"]
    assert rows(bundle, "users.csv")[0]["metadata.badge"] == "B-7"
    assert rows(bundle, "users.csv")[3]["givenName"] == "José"
    roles = [(r["sourcedId"], r["userSourcedId"], r["orgSourcedId"], r["role"], r["roleType"])
             for r in rows(bundle, "roles.csv")]
    assert roles == [
        ("t1-s1", "t1", "s1", "teacher", "primary"),
        ("a1-d1", "a1", "d1", "districtAdministrator", "primary"),
        ("a2-s2", "a2", "s2", "siteAdministrator", "primary"),
        ("st1-s1", "st1", "s1", "student", "primary"),
        ("st1-s2", "st1", "s2", "student", "primary"),
    ]
    assert header(bundle, "roles.csv") == spec_for("1.2").files["roles.csv"].column_names
    assert errors_and_warnings(bundle) == []


def test_the_report_names_every_choice_the_reference_leaves_open():
    report = convert_bundle(bundle_of({"orgs.csv": ORGS, "users.csv": USERS}, "1.1"), "1.2").report
    assert note_about(report, "check", "became districtAdministrator").count == 1
    assert note_about(report, "check", "became siteAdministrator").count == 1
    note_about(report, "check", "primaryOrgSourcedId")
    note_about(report, "check", "how to name role records")
    assert note_about(report, "changed", "created 5 role record").count == 5
    assert notes(report, "lost") == []
    assert "Nothing was lost." in report.text()


def test_an_administrator_at_an_org_not_in_the_bundle_is_left_for_a_person():
    users = USERS.replace("a2,,,true,s2,", "a2,,,true,elsewhere,")
    bundle = convert_bundle(bundle_of({"orgs.csv": ORGS, "users.csv": users}, "1.1"), "1.2")
    assert rows(bundle.bundle, "roles.csv")[2]["role"] == "administrator"
    note = note_about(bundle.report, "check", "choose districtAdministrator or siteAdministrator")
    assert note.examples == ("line 4: at elsewhere",)


def test_a_user_without_orgs_loses_the_role_and_the_report_says_so():
    users = USERS.replace('"s1,s2",student', ",student")
    converted = convert_bundle(bundle_of({"orgs.csv": ORGS, "users.csv": users}, "1.1"), "1.2")
    assert [r["userSourcedId"] for r in rows(converted.bundle, "roles.csv")] == ["t1", "a1", "a2"]
    lost = note_about(converted.report, "lost", "lists no orgSourcedIds")
    assert lost.examples == ("line 5: 'student'",)


def test_role_ids_that_would_collide_get_a_stable_generated_id():
    users = """
sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password
a-b,,,true,c,teacher,x,,X,X,,,,,,,,
a,,,true,b-c,teacher,y,,Y,Y,,,,,,,,
"""
    orgs = ("sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId\n"
            "c,,,C,school,,\nb-c,,,BC,school,,\n")
    first = convert_bundle(bundle_of({"orgs.csv": orgs, "users.csv": users}, "1.1"), "1.2")
    again = convert_bundle(bundle_of({"orgs.csv": orgs, "users.csv": users}, "1.1"), "1.2")
    ids = [r["sourcedId"] for r in rows(first.bundle, "roles.csv")]
    assert ids[0] == "a-b-c"
    assert str(uuid.UUID(ids[1])) == ids[1]
    assert ids == [r["sourcedId"] for r in rows(again.bundle, "roles.csv")]
    note_about(first.report, "check", "generated sourcedId")


def test_line_items_get_the_renamed_column_and_their_class_school():
    files = {
        "orgs.csv": ORGS,
        "classes.csv": "sourcedId,status,dateLastModified,title,grades,courseSourcedId,classCode,"
                       "classType,location,schoolSourcedId,termSourcedIds,subjects,subjectCodes,periods\n"
                       "c1,,,Math,,co1,,scheduled,,s2,t1,,,\n",
        "lineItems.csv": "sourcedId,status,dateLastModified,title,description,assignDate,dueDate,"
                         "classSourcedId,categorySourcedId,gradingPeriodSourcedId,resultValueMin,resultValueMax\n"
                         "li1,,,Quiz,,2024-09-01,2024-09-08,c1,cat1,gp1,0,10\n"
                         "li2,,,Quiz,,2024-09-01,2024-09-08,gone,cat1,gp1,0,10\n",
        "categories.csv": "sourcedId,status,dateLastModified,title\ncat1,,,Homework\n",
    }
    converted = convert_bundle(bundle_of(files, "1.1"), "1.2")
    items = rows(converted.bundle, "lineItems.csv")
    assert header(converted.bundle, "lineItems.csv") == spec_for("1.2").files["lineItems.csv"].column_names
    pairs = [(i["academicSessionSourcedId"], i["schoolSourcedId"]) for i in items]
    assert pairs == [("gp1", "s2"), ("gp1", "")]
    note_about(converted.report, "changed", "renamed column gradingPeriodSourcedId to academicSession")
    missing = note_about(converted.report, "check", "class this bundle does not describe")
    assert missing.examples == ("line 3: 'gone'",)
    assert header(converted.bundle, "categories.csv")[-1] == "weight"


def test_users_can_be_written_without_resource_ids_as_some_1_2_readers_expect():
    options = ConversionOptions(user_resource_ids=False)
    converted = convert_bundle(bundle_of({"orgs.csv": ORGS, "users.csv": USERS}, "1.1"), "1.2",
                               options=options)
    assert "resourceSourcedIds" not in header(converted.bundle, "users.csv")
    assert errors_and_warnings(converted.bundle) == []


def test_manifest_lists_roles_with_the_users_mode_and_keeps_the_source_system():
    bundle = bundle_of({"orgs.csv": ORGS, "users.csv": USERS}, "1.1")
    manifest = bundle.table("manifest.csv")
    assert manifest is not None
    manifest.insert_rows(len(manifest), [["source.systemName", "Campus"]])
    converted = convert_bundle(bundle, "1.2").bundle.manifest
    assert converted is not None
    assert converted["oneroster.version"] == "1.2"
    assert converted["file.roles"] == "bulk"
    assert converted["file.userProfiles"] == "absent"
    assert converted["source.systemName"] == "Campus"


def test_the_source_bundle_is_not_changed():
    bundle = bundle_of({"orgs.csv": ORGS, "users.csv": USERS}, "1.1")
    before = {n: list(f.table.iter_rows()) for n, f in bundle.files.items()}
    convert_bundle(bundle, "1.2")
    assert {n: list(f.table.iter_rows()) for n, f in bundle.files.items()} == before


def test_the_window_report_counts_and_lists_every_note_by_kind():
    report = convert_bundle(bundle_of({"orgs.csv": ORGS, "users.csv": USERS}, "1.1"), "1.2").report
    outline = report.outline()
    assert outline.title == "Converted to OneRoster 1.2"
    assert outline.summary.startswith("Converted from OneRoster 1.1 to 1.2: ")
    assert ", nothing lost, " in outline.summary
    headings = [s.heading for s in outline.sections]
    assert headings[0] == "Changed"
    assert headings[-1].startswith("Check")
    points = [p.text for s in outline.sections for p in s.points]
    assert len(points) == len(report.notes)
    assert any("roles.csv" in p for p in points)
    assert outline.closing == "Nothing was lost."
