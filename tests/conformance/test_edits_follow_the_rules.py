"""After any edits, re-validating only what changed gives what a fresh run gives, for the 1.2
bundle with roles, profiles and gradebook files (the cross-file rules re-run on edits)."""

from __future__ import annotations

from conformance_bundles import Draft, in_memory
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rostereditor.core.validation import BundleValidator

VALUES = ["", "u1", "u2", "u3", "s1", "s2", "d1", "k1", "k2", "p3", "primary", "secondary",
          "student", "teacher", "ana", "ANA", "ben@example.org", "200", "-1", "case",
          "unknown", "A:90", "{A:90}", "9", "09"]


def _key(result):
    return sorted((f.file or "", f.line or 0, f.column or "", f.rule, f.severity, f.value or "",
                   f.message) for f in result.findings)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_edits_then_revalidate_equals_a_fresh_run(data):
    profile = data.draw(st.sampled_from(["1edtech", "classlink"]))
    bundle = in_memory(Draft("1.2"))
    validator = BundleValidator(bundle, profile)
    validator.run()
    for _ in range(data.draw(st.integers(1, 4))):
        name = data.draw(st.sampled_from(bundle.data_file_names))
        table = bundle.table(name)
        row = data.draw(st.integers(0, len(table) - 1))
        column = data.draw(st.integers(0, table.column_count - 1))
        table.set_cell(row, column, data.draw(st.sampled_from(VALUES)))
        result = validator.revalidate(name, [table.row_id(row)], columns=[column])
        assert _key(result) == _key(BundleValidator(bundle, profile).run())
