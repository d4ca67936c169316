"""1.2 → 1.1: users take orgs and role back from roles.csv; everything 1.1 cannot hold is reported."""

from __future__ import annotations

from conversion_bundles import bundle_of, errors_and_warnings, header, note_about, rows

from rostereditor.core.conversion import convert_bundle
from rostereditor.core.spec import spec_for

ORGS = """
sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId
d1,,,Maplewood District,district,,
s1,,,North High,school,,d1
s2,,,South High,school,,d1
"""
USERS = """
sourcedId,status,dateLastModified,enabledUser,username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password,userMasterIdentifier,resourceSourcedIds,preferredGivenName,preferredMiddleName,preferredFamilyName,primaryOrgSourcedId,pronouns
t1,,,true,tanaka,,Aiko,Tanaka,,,,,,,,,,,,,,s2,
p1,,,true,perez,,Pat,Perez,,,,,,,,,,,Patty,,,,she/her
c1,,,true,cole,,Cy,Cole,,,,,,,,,,,,,,,
n1,,,true,nobody,,Ned,Nobody,,,,,,,,,,,,,,,
"""
ROLES = """
sourcedId,status,dateLastModified,userSourcedId,roleType,role,beginDate,endDate,orgSourcedId,userProfileSourcedId
r1,,,t1,primary,teacher,,,s1,
r2,,,t1,primary,teacher,,,s2,
r3,,,p1,primary,principal,2024-08-01,,s1,
r4,,,p1,secondary,teacher,,,s1,
r5,,,c1,primary,counselor,,,s2,
"""


def converted(orgs=ORGS, users=USERS, roles=ROLES):
    return convert_bundle(bundle_of({"orgs.csv": orgs, "users.csv": users, "roles.csv": roles}, "1.2"), "1.1")


def test_users_get_their_orgs_and_role_back_and_roles_csv_goes():
    result = converted()
    assert result.bundle.detected_version == "1.1"
    assert "roles.csv" not in result.bundle.files
    assert header(result.bundle, "users.csv") == spec_for("1.1").files["users.csv"].column_names
    users = [(u["sourcedId"], u["orgSourcedIds"], u["role"]) for u in rows(result.bundle, "users.csv")]
    assert users == [
        ("t1", "s2,s1", "teacher"),  # the user's primaryOrgSourcedId comes first
        ("p1", "s1", "administrator"),
        ("c1", "s2", "counselor"),
        ("n1", "", ""),
    ]


def test_every_loss_and_every_value_left_for_a_person_is_reported():
    report = converted().report
    assert note_about(report, "changed", "with role principal became administrator").count == 1
    counselor = note_about(report, "check", "role 1.1 does not have (counselor)")
    assert counselor.examples == ("line 4: 'counselor'",)
    assert note_about(report, "check", "1 user has no role record").examples == ("line 5: no role",)
    assert note_about(report, "lost", "more than one role").examples == ("line 3: also teacher",)
    assert note_about(report, "lost", "secondary role record").count == 1
    assert note_about(report, "lost", "beginDate of 1 role record").examples == ("line 4: '2024-08-01'",)
    assert note_about(report, "lost", "column preferredGivenName").examples == ("line 3: 'Patty'",)
    assert note_about(report, "lost", "column primaryOrgSourcedId").count == 1
    assert note_about(report, "lost", "column pronouns").count == 1
    assert "Lost (the target version has no place for it):" in report.text()
    lost = next(s for s in report.outline().sections if s.heading.startswith("Lost"))
    assert any(p.text.startswith("users.csv: 1 user holds more than one role") for p in lost.points)
    assert any(p.details == ("e.g. line 3: 'Patty'",) for p in lost.points)
    assert report.outline().closing == ""
    assert "losses" in report.outline().summary


def test_files_and_columns_1_1_does_not_have_are_left_out_and_counted():
    files = {
        "orgs.csv": ORGS, "users.csv": USERS, "roles.csv": ROLES,
        "userProfiles.csv": "sourcedId,status,dateLastModified,userSourcedId,profileType,vendorId,"
                            "applicationId,description,credentialType,username,password\n"
                            "up1,,,t1,app,v1,,,password,tt,\n",
        "categories.csv": "sourcedId,status,dateLastModified,title,weight\ncat1,,,Homework,20\n",
        "custom.csv": "a,b\n1,2\n",
    }
    result = convert_bundle(bundle_of(files, "1.2"), "1.1")
    assert "userProfiles.csv" not in result.bundle.files
    assert note_about(result.report, "lost", "has no userProfiles.csv").count == 1
    assert header(result.bundle, "categories.csv") == ["sourcedId", "status", "dateLastModified", "title"]
    assert note_about(result.report, "lost", "column weight").examples == ("line 2: '20'",)
    assert rows(result.bundle, "custom.csv") == [{"a": "1", "b": "2"}]
    note_about(result.report, "check", "not a OneRoster file")


def test_values_only_1_2_allows_are_kept_and_reported():
    orgs = ORGS + "x1,,,Lab,ext:lab,,d1\n"
    roles = ROLES + "r6,,,n1,primary,teacher,,,x1,\n"
    result = converted(orgs=orgs, roles=roles)
    assert rows(result.bundle, "orgs.csv")[-1]["type"] == "ext:lab"
    assert note_about(result.report, "check", "type value that OneRoster 1.1 does not allow").examples == (
        "line 5: 'ext:lab'",)


def test_a_role_marked_for_deletion_is_not_given_to_the_user():
    roles = ROLES.replace("r2,,,t1,primary", "r2,tobedeleted,2024-01-01T00:00:00Z,t1,primary")
    result = converted(roles=roles)
    assert rows(result.bundle, "users.csv")[0]["orgSourcedIds"] == "s1"
    note_about(result.report, "changed", "marked tobedeleted")


def test_line_items_rename_back_and_lose_the_school():
    files = {
        "lineItems.csv": "sourcedId,status,dateLastModified,title,description,assignDate,dueDate,"
                         "classSourcedId,categorySourcedId,academicSessionSourcedId,resultValueMin,"
                         "resultValueMax,schoolSourcedId\nli1,,,Quiz,,2024-09-01,2024-09-08,c1,cat1,gp1,,,s1\n",
    }
    result = convert_bundle(bundle_of(files, "1.2"), "1.1")
    item = rows(result.bundle, "lineItems.csv")[0]
    assert item["gradingPeriodSourcedId"] == "gp1"
    assert "schoolSourcedId" not in item
    note_about(result.report, "lost", "column schoolSourcedId")
    # 1.2 made the min and max optional; 1.1 requires them.
    assert note_about(result.report, "check", "no resultValueMin").count == 1


def test_a_clean_1_2_bundle_without_extras_converts_clean():
    users = "\n".join(line for line in USERS.strip().splitlines() if not line.startswith(("c1", "n1")))
    roles = "\n".join(line for line in ROLES.strip().splitlines() if not line.startswith(("r4", "r5")))
    result = converted(users=users, roles=roles)
    assert errors_and_warnings(result.bundle) == []
