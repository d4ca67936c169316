"""A recipe replayed through the editor's EditSession is one undo step that puts everything back.

The window (wave 2) hands its session to apply_recipe and pushes the edits it returns as one
EditSequence. Runs once the session engine is on the branch (it lands separately).
"""

from __future__ import annotations

from pathlib import Path

import pytest

session_module = pytest.importorskip("rostereditor.core.session")

from rostereditor.core.bundle_reader import read_bundle  # noqa: E402
from rostereditor.core.recipes import (  # noqa: E402
    DeleteColumn,
    InsertColumn,
    MoveColumn,
    Recipe,
    RenameColumn,
    RenameIds,
    Replace,
    RuleFix,
    apply_recipe,
)

SAMPLE = Path(__file__).resolve().parents[3] / "resources" / "sample-district-damaged.zip"


def snapshot(bundle):
    return {n: (list(f.table.header), list(f.table.iter_rows())) for n, f in bundle.files.items()}


def test_replaying_through_the_session_is_one_undo_step():
    bundle = read_bundle(SAMPLE)
    before = snapshot(bundle)
    session = session_module.EditSession()
    session.open(bundle)
    recipe = Recipe((
        RuleFix("excel.boolean-case"), Replace("@maplewood.example.org", "@x.org", columns=("email",)),
        RenameIds("users.csv", (("tch-00001", "T-1"),)), DeleteColumn("courses.csv", ""),
        InsertColumn("users.csv", "metadata.x", after="password"),
        MoveColumn("users.csv", "email", after="sourcedId"),
        RenameColumn("users.csv", "metadata.x", "metadata.y"),
    ))
    run = apply_recipe(recipe, session, vendor=session.profile_name, version=session.version)
    assert all(result.matched for result in run.results)
    step = session_module.EditSequence("Apply fix recipe", run.edits)
    after = snapshot(session.bundle)
    step.undo()
    assert snapshot(session.bundle) == before
    step.redo()
    assert snapshot(session.bundle) == after
