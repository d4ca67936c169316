"""A bundle's summary: what the vendor will see once it imports it."""

from rostereditor.core.summary.roster_summary import (
    ClassCount,
    PeopleCount,
    RosterSummary,
    SizeStats,
    summarize_bundle,
)

__all__ = ["ClassCount", "PeopleCount", "RosterSummary", "SizeStats", "summarize_bundle"]
