"""The same person, class or org under a new sourcedId: found, with evidence, never guessed."""

from __future__ import annotations

from two_versions import USERS_HEADER, bundle, user

from rostereditor.core.comparison import compare_bundles

CLASSES_HEADER = ["sourcedId", "status", "dateLastModified", "title", "classCode",
                  "schoolSourcedId", "periods"]
ORGS_HEADER = ["sourcedId", "status", "dateLastModified", "name", "type", "identifier"]
ENROLLMENTS_HEADER = ["sourcedId", "status", "dateLastModified", "classSourcedId",
                      "userSourcedId", "role"]
DEMOGRAPHICS_HEADER = ["sourcedId", "status", "dateLastModified", "birthDate"]


def _changes(old, new, file):
    return list(compare_bundles(old, new).files[file].id_changes)


def test_renumbered_student_is_matched_on_username_with_all_evidence():
    old = bundle(users=(USERS_HEADER, [user("0001", "ana", email="ana@x.org")]))
    new = bundle(users=(USERS_HEADER, [user("90001", "ana", email="ANA@x.org ")]))
    [change] = _changes(old, new, "users.csv")
    assert (change.old_id, change.new_id, change.matched_on) == ("0001", "90001", "username")
    fields = dict(change.evidence)
    assert fields["username"] == "ana"
    assert fields["email"] == "ANA@x.org "  # case and spaces do not hide the match
    assert fields["givenName"] == "Ana"


def test_name_and_birth_date_match_when_sign_in_names_changed_too():
    old = bundle(users=(USERS_HEADER, [user("0001", "ana.r", given="Ana", family="Ruiz")]),
                 demographics=(DEMOGRAPHICS_HEADER, [["0001", "", "", "2013-06-10"]]))
    new = bundle(users=(USERS_HEADER, [user("S-1", "aruiz", given="Ana", family="Ruiz")]),
                 demographics=(DEMOGRAPHICS_HEADER, [["S-1", "", "", "2013-06-10"]]))
    [change] = _changes(old, new, "users.csv")
    assert change.matched_on == "givenName + familyName + birthDate"
    assert ("birthDate", "2013-06-10") in change.evidence
    # demographics rows follow their user through the new ID.
    [demo] = _changes(old, new, "demographics.csv")
    assert (demo.old_id, demo.new_id) == ("0001", "S-1")


def test_twins_with_the_same_name_and_birth_date_are_not_guessed():
    rows_old = [user("1", "a1", given="Kim", family="Lee"), user("2", "a2", given="Kim", family="Lee")]
    rows_new = [user("91", "b1", given="Kim", family="Lee"), user("92", "b2", given="Kim", family="Lee")]
    births = [["1", "", "", "2014-01-01"], ["2", "", "", "2014-01-01"]]
    new_births = [["91", "", "", "2014-01-01"], ["92", "", "", "2014-01-01"]]
    old = bundle(users=(USERS_HEADER, rows_old), demographics=(DEMOGRAPHICS_HEADER, births))
    new = bundle(users=(USERS_HEADER, rows_new), demographics=(DEMOGRAPHICS_HEADER, new_births))
    assert _changes(old, new, "users.csv") == []


def test_class_matched_on_title_school_and_period():
    old = bundle(classes=(CLASSES_HEADER, [["c-1", "", "", "Math 5", "", "sch-1", "1"],
                                           ["c-2", "", "", "Math 5", "", "sch-1", "2"]]))
    new = bundle(classes=(CLASSES_HEADER, [["K100", "", "", "Math 5", "", "sch-1", "2"],
                                           ["K101", "", "", "Math 5", "", "sch-1", "1"]]))
    changes = {(c.old_id, c.new_id): c for c in _changes(old, new, "classes.csv")}
    assert set(changes) == {("c-1", "K101"), ("c-2", "K100")}
    assert changes["c-2", "K100"].matched_on == "title + schoolSourcedId + periods"


def test_org_matched_on_identifier_and_its_classes_follow():
    old = bundle(orgs=(ORGS_HEADER, [["sch-1", "", "", "Lakeview", "school", "0601"]]),
                 classes=(CLASSES_HEADER, [["c-1", "", "", "Art", "ART1", "sch-1", ""]]))
    new = bundle(orgs=(ORGS_HEADER, [["LV", "", "", "Lakeview Elementary", "school", "0601"]]),
                 classes=(CLASSES_HEADER, [["c-9", "", "", "Art", "ART1", "LV", ""]]))
    [org] = _changes(old, new, "orgs.csv")
    assert (org.old_id, org.new_id, org.matched_on) == ("sch-1", "LV", "identifier")
    # The class's school is read through the org's new ID, so the class is recognised too.
    [cls] = _changes(old, new, "classes.csv")
    assert (cls.old_id, cls.new_id) == ("c-1", "c-9")
    assert ("schoolSourcedId", "LV") in cls.evidence


def test_enrollment_follows_its_renumbered_user():
    old = bundle(users=(USERS_HEADER, [user("0001", "ana")]),
                 enrollments=(ENROLLMENTS_HEADER, [["e1", "", "", "c-1", "0001", "student"]]))
    new = bundle(users=(USERS_HEADER, [user("90001", "ana")]),
                 enrollments=(ENROLLMENTS_HEADER, [["e900", "", "", "c-1", "90001", "student"]]))
    [enrollment] = _changes(old, new, "enrollments.csv")
    assert (enrollment.old_id, enrollment.new_id) == ("e1", "e900")


def test_a_leaver_and_a_joiner_are_not_taken_for_one_person():
    old = bundle(users=(USERS_HEADER, [user("1", "ana", given="Ana", family="Ruiz")]))
    new = bundle(users=(USERS_HEADER, [user("2", "bo", given="Bo", family="Lee")]))
    result = compare_bundles(old, new).files["users.csv"]
    assert result.removed == result.added == 1
    assert not len(result.id_changes)
