"""The summary a coordinator checks before uploading: counts as the vendor will see them."""

from __future__ import annotations

from rostereditor.core.bundle import Bundle, BundleFile
from rostereditor.core.sample_district import generate_district
from rostereditor.core.summary import summarize_bundle
from rostereditor.core.summary.summary_report import text_report
from rostereditor.core.table import Table

H = ["sourcedId", "status", "dateLastModified"]


def _bundle(**files):
    made = Bundle()
    for stem, (header, rows) in files.items():
        made.files[f"{stem}.csv"] = BundleFile(f"{stem}.csv", f"{stem}.csv",
                                               Table.from_rows(header, rows))
    return made


def _district():
    return _bundle(
        orgs=([*H, "name", "type"], [["s1", "", "", "Lakeview", "school"],
                                     ["s2", "", "", "Cedar", "school"]]),
        academicSessions=([*H, "title"], [["t1", "", "", "Fall"], ["t2", "", "", "Spring"]]),
        classes=([*H, "title", "schoolSourcedId", "termSourcedIds"], [
            ["c1", "", "", "Math", "s1", "t1,t2"], ["c2", "", "", "Art", "s1", "t1"],
            ["c3", "", "", "Band", "s2", ""]]),
        users=([*H, "orgSourcedIds", "role", "grades"], [
            ["u1", "", "", "s1", "student", "05"], ["u2", "", "", "s1", "student", "05"],
            ["u3", "", "", "s1,s2", "student", "06"], ["u4", "", "", "s1", "teacher", ""],
            ["u5", "", "", "s2", "student", "07"], ["g1", "", "", "s1", "guardian", ""]]),
        enrollments=([*H, "classSourcedId", "userSourcedId", "role"], [
            ["e1", "", "", "c1", "u1", "student"], ["e2", "", "", "c1", "u2", "student"],
            ["e3", "", "", "c1", "u4", "teacher"], ["e4", "", "", "c2", "u3", "student"],
            ["e5", "", "", "c3", "u4", "teacher"]]),
    )


def test_people_per_school_role_and_grade_count_every_school_a_user_belongs_to():
    people = {(p.org_id, p.role, p.grade): p.count for p in summarize_bundle(_district()).people}
    assert people[("s1", "student", "05")] == 2
    assert people[("s1", "student", "06")] == 1
    assert people[("s2", "student", "06")] == 1  # u3 is at both schools
    assert people[("s1", "teacher", "")] == 1
    assert people[("s1", "guardian", "")] == 1


def test_classes_per_school_and_term_with_titles():
    classes = {(c.school_name, c.term_title or c.term_id): c.count
               for c in summarize_bundle(_district()).classes}
    assert classes == {("Lakeview", "Fall"): 2, ("Lakeview", "Spring"): 1, ("Cedar", ""): 1}


def test_class_sizes_and_who_has_no_class():
    summary = summarize_bundle(_district())
    sizes = summary.enrollments_per_class
    assert (sizes.classes, sizes.minimum, sizes.median, sizes.maximum) == (3, 1, 1.0, 3)
    assert summary.students_per_class.minimum == 0  # Band has only its teacher
    assert summary.users_without_enrollments.to_pylist() == ["u5", "g1"]
    assert summary.unenrolled_by_role() == {"guardian": 1, "student": 1}
    assert summary.classes_without_students.to_pylist() == ["c3"]


def test_records_marked_tobedeleted_are_not_counted():
    district = _district()
    users = district.table("users.csv")
    users.set_cell(0, 1, "tobedeleted")
    summary = summarize_bundle(district)
    assert summary.records["users.csv"] == 5
    people = {(p.org_id, p.role, p.grade): p.count for p in summary.people}
    assert people[("s1", "student", "05")] == 1


def test_oneroster_1_2_roles_come_from_roles_csv():
    bundle = _bundle(
        users=([*H, "grades"], [["u1", "", "", "05"], ["u2", "", "", ""]]),
        roles=([*H, "userSourcedId", "roleType", "role", "orgSourcedId"], [
            ["r1", "", "", "u1", "primary", "student", "s1"],
            ["r2", "", "", "u2", "primary", "teacher", "s1"]]),
    )
    people = {(p.org_id, p.role, p.grade): p.count for p in summarize_bundle(bundle).people}
    assert people == {("s1", "student", "05"): 1, ("s1", "teacher", ""): 1}


def test_text_summary_of_the_sample_district_names_schools_and_terms():
    text = text_report(summarize_bundle(generate_district(80, seed=3).bundle))
    assert "Lakeview Elementary School (sch-0001)" in text
    assert "Fall Semester 2024" in text
    assert "Students per class: min" in text
    assert "Users without enrollments: administrator" in text


def test_people_per_school_and_role_with_a_column_per_grade_in_ceds_order():
    from rostereditor.core.summary.people_pivot import people_pivot

    district = _district()
    users = district.table("users.csv")
    users.set_cell(4, users.column_index("grades"), "KG")  # u5 at Cedar
    users.set_cell(0, users.column_index("grades"), "5")  # not a CEDS code: after them
    pivot = people_pivot(summarize_bundle(district))
    assert pivot.grades == ("KG", "05", "06", "5", "")
    rows = {(r.org_name, r.role): r for r in pivot.rows}
    assert rows[("Lakeview", "student")].counts == {"05": 1, "06": 1, "5": 1}
    assert rows[("Lakeview", "student")].total == 3
    assert rows[("Cedar", "student")].counts == {"06": 1, "KG": 1}
    assert rows[("Lakeview", "teacher")].counts == {"": 1}
    assert pivot.column_totals()["06"] == 2  # u3 is at both schools
