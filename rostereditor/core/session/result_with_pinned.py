"""A check's result with findings pinned from outside the checker (a vendor's report) added in.

The session publishes this as its result, so the problems list, the tab counts, the grid's
highlights and F8 treat a vendor's problems exactly like ours, while the checker's own result
stays untouched (a re-check replaces it; the pinned findings are added again on top).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rostereditor.core.validation import Finding, ValidationResult


class ResultWithPinned(ValidationResult):
    """`base` plus `pinned` findings (grouped by file; None = about the whole bundle).

    The pinned findings join each file's indexed findings (in line order with ours), so every
    method of a result answers with both: nothing here has to repeat the parent's methods.
    """

    def __init__(self, base: ValidationResult, pinned: Mapping[str | None, Sequence[Finding]]) -> None:
        self.base = base
        self._pinned = {name: list(found) for name, found in pinned.items() if found}
        combined = base.with_findings(self._pinned)
        super().__init__(base.bundle, {name: part for name in combined.file_order()
                                       if (part := combined.file_findings(name)) is not None},
                         base.version, base.profile)

    @property
    def pinned(self) -> Mapping[str | None, Sequence[Finding]]:
        return self._pinned
