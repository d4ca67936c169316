"""Validate a delta bundle before it is written, and sort what the checks find.

In a delta, a reference to a record sent in an earlier upload is normal (the vendor has it),
so the validator reports those as warnings; they are counted apart from the real problems.
"""

from __future__ import annotations

from dataclasses import dataclass

from rostereditor.core.delta.delta_builder import DeltaBundle
from rostereditor.core.validation import BundleValidator, Finding

UNRESOLVED = "ref.unresolved"


@dataclass(frozen=True)
class DeltaCheck:
    """errors: what a vendor would reject; others: warnings and notes worth reading; earlier:
    how many references point at records the vendor has from earlier uploads."""

    errors: tuple[Finding, ...]
    others: tuple[Finding, ...]
    earlier: int

    @property
    def ok(self) -> bool:
        return not self.errors


def check_delta(delta: DeltaBundle, profile: str = "1edtech") -> DeltaCheck:
    result = BundleValidator(delta.bundle, profile, delta.version).run()
    earlier = [f for f in result.findings if f.rule == UNRESOLVED and f.severity != "error"]
    rest = [f for f in result.findings if not (f.rule == UNRESOLVED and f.severity != "error")]
    return DeltaCheck(tuple(f for f in rest if f.severity == "error"),
                      tuple(f for f in rest if f.severity != "error"), len(earlier))
