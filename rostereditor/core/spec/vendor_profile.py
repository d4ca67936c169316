"""What one vendor demands beyond (or instead of) the OneRoster spec, as plain data."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Profile:
    """A vendor's import rules. Fields left at their defaults mean "as the spec says"."""

    name: str
    title: str
    description: str
    # The vendor (for messages such as "Great Minds accepts only ..."); None for the spec itself.
    vendor: str | None = None
    versions: tuple[str, ...] = ("1.0", "1.1", "1.2")
    zip_name: str | None = None
    max_zip_bytes: int | None = None
    # Files that must be in the bundle besides those the version requires.
    required_files: tuple[str, ...] = ()
    bulk_only: bool = False
    # "forbidden" (the spec), "allowed" or "required" for files with a header and no records.
    header_only_files: str = "forbidden"
    id_max_length: int | None = None
    id_pattern: str | None = None  # a full-match regex for sourcedIds and references
    id_rule_text: str = ""  # the pattern in words, e.g. "letters, digits and - _ ."
    # (file, column) -> maximum characters.
    max_lengths: dict[tuple[str, str], int] = field(default_factory=dict)
    user_roles: tuple[str, ...] | None = None
    # (file, column) that must not be blank although the spec allows it.
    required_values: tuple[tuple[str, str], ...] = ()
    # (file, role, column): records with that role must fill that column (ST Math: a
    # student's grades), although the spec leaves it optional.
    required_for_role: tuple[tuple[str, str, str], ...] = ()
    # Accepted grade codes; None = CEDS as the spec says.
    grades: tuple[str, ...] | None = None
    grades_case_insensitive: bool = False
    # Enumerations and booleans matched ignoring case (Microsoft SDS).
    values_case_insensitive: bool = False

    @property
    def who(self) -> str:
        """How messages name the rule's owner."""
        return self.vendor or "OneRoster"
