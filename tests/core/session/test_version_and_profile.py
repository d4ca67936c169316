"""One owner of the OneRoster version: checks, editors, references and saving all follow the
session's choice (the bug: a 1.1 bundle without a manifest, read as 1.0, with 1.1 picked)."""

from __future__ import annotations

import pytest

from rostereditor.core.bundle_reader import read_bundle
from rostereditor.core.oneroster_files import MANIFEST
from rostereditor.core.sample_district import generate_district
from rostereditor.core.session import EditSession


@pytest.fixture
def unlabelled_11():
    """A 1.1 district whose manifest is missing: read as 1.1, the version it looks like
    (issue 9); the tests below pick 1.0 first to get back the mismatch they guard."""
    bundle = generate_district(students=60, seed=5).bundle
    del bundle.files[MANIFEST]
    assert bundle.detected_version == "1.1"
    return bundle


def test_picking_11_gives_enabled_user_its_true_false_editor(unlabelled_11):
    session = EditSession()
    session.open(unlabelled_11)
    session.set_version_choice("1.0")
    users = session.require_table("users.csv")
    col = users.column_index("enabledUser")
    assert session.version == "1.0"
    versions = []
    session.events.version_changed.connect(lambda e: versions.append((e.version, e.choice)))
    session.set_version_choice("1.1")
    assert versions == [("1.1", "1.1")]
    assert session.version == "1.1"
    assert session.column_spec("users.csv", col).kind == "boolean"
    assert session.validator.version == "1.1"
    assert session.result.version == "1.1"


def test_renaming_a_term_updates_the_list_references_under_11(unlabelled_11):
    session = EditSession(version_choice="1.1")
    session.open(unlabelled_11)
    sessions = session.require_table("academicSessions.csv")
    classes = session.require_table("classes.csv")
    terms = classes.column_index("termSourcedIds")
    row = sessions.column_values(0).index("ay2025-s1")  # the fall semester, a term classes list
    old = sessions.cell(row, 0)
    pointing = [r for r in range(len(classes)) if old in classes.cell(r, terms).split(",")]
    assert pointing
    edit = session.edit_cell("academicSessions.csv", row, 0, "term-renamed", update_references=True)
    assert all("term-renamed" in classes.cell(r, terms).split(",") for r in pointing)
    assert not any(old in classes.cell(r, terms).split(",") for r in range(len(classes)))
    edit.undo()
    assert all(old in classes.cell(r, terms).split(",") for r in pointing)


def test_as_the_bundle_says_follows_the_bundle_and_saves_without_rewriting(unlabelled_11, tmp_path):
    session = EditSession()
    session.open(unlabelled_11)
    assert session.version_to_save is None
    session.set_version_choice("1.1")
    assert session.version_to_save == "1.1"
    saved = session.save(tmp_path / "out.zip")
    assert read_bundle(saved).detected_version == "1.1"
    session.set_version_choice("")
    assert session.version == "1.1"  # as the bundle says: its files look like 1.1


def test_profile_change_rechecks_with_the_vendors_rules():
    session = EditSession()
    session.open(generate_district(students=40, seed=3).bundle)
    results = []
    session.events.result_changed.connect(lambda e: results.append(e.result))
    profiles = []
    session.events.profile_changed.connect(lambda e: profiles.append(e.profile))
    other = next(p.name for p in __import__("rostereditor.core.validation", fromlist=["x"]).list_profiles()
                 if p.name != "1edtech")
    session.set_profile(other)
    assert profiles == [other]
    assert session.result is not None
    assert session.result.profile == other
    assert results[0] is None  # the old result is withdrawn before the new one arrives
    session.set_profile(other)
    assert profiles == [other]  # no change, no event


def test_unknown_profile_is_refused():
    with pytest.raises(KeyError):
        EditSession().set_profile("no such vendor")
