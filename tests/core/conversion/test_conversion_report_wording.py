"""The conversion report reads as sentences: counts with the right word form, columns named."""

from __future__ import annotations

from conversion_bundles import bundle_of

from rostereditor.core.conversion import convert_bundle

ORGS = """
sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId
d1,,,Maplewood District,district,,
s1,,,North High,school,,d1
"""
ONE_ADMIN = """
sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password
a1,,,true,d1,administrator,ames,,Ann,Ames,,,,,,,,
"""
# Excel's trailing comma: a column with no name and no values after the last real one.
COURSES = """
sourcedId,status,dateLastModified,schoolYearSourcedId,title,courseCode,grades,orgSourcedId,subjects,subjectCodes,
c1,,,,Algebra,ALG,09,s1,,,
"""


def test_a_count_of_one_is_singular_and_no_count_says_s_in_brackets():
    converted = convert_bundle(bundle_of({"orgs.csv": ORGS, "users.csv": ONE_ADMIN}, "1.1"), "1.2")
    text = converted.report.text()
    assert "(s)" not in text
    assert "created 1 role record," in text
    assert "1 administrator role became districtAdministrator" in text


def test_a_column_without_a_name_is_named_by_its_number():
    converted = convert_bundle(bundle_of({"orgs.csv": ORGS, "courses.csv": COURSES}, "1.1"),
                               "1.2")
    kept = [n.text() for n in converted.report.notes if "is not a OneRoster column" in n.message]
    assert len(kept) == 1
    assert "Column 11 (it has no name in the header row) is not a OneRoster column" in kept[0]
    assert ": is not" not in converted.report.text()
