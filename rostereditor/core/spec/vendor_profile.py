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
    # Whether another version is rejected (an error) rather than merely undocumented (a warning).
    rejects_other_versions: bool = False
    zip_name: str | None = None
    max_zip_bytes: int | None = None
    # Files that must be in the bundle besides those the version requires.
    required_files: tuple[str, ...] = ()
    # Files the vendor strongly recommends (a note when missing).
    recommended_files: tuple[str, ...] = ()
    # Files that must be sent all together or not at all (ClassLink's three resources files).
    file_groups: tuple[tuple[str, ...], ...] = ()
    bulk_only: bool = False
    # "forbidden" (the spec), "allowed" or "required" for files with a header and no records.
    header_only_files: str = "forbidden"
    id_max_length: int | None = None
    id_pattern: str | None = None  # a full-match regex for sourcedIds and references
    id_rule_text: str = ""  # the pattern in words, e.g. "letters, digits and - _ ."
    # (file, column) -> maximum characters.
    max_lengths: dict[tuple[str, str], int] = field(default_factory=dict)
    user_roles: tuple[str, ...] | None = None
    # Accepted orgs.type values; None = the spec's.
    org_types: tuple[str, ...] | None = None
    # (file, column) that must not be blank although the spec allows it.
    required_values: tuple[tuple[str, str], ...] = ()
    # (file, column, other column, other value): required when the other column has that
    # value ("should be considered mandatory" for US births), reported as a warning.
    required_when: tuple[tuple[str, str, str, str], ...] = ()
    # (version, file, column) the spec requires but the vendor documents as optional.
    optional_values: tuple[tuple[str, str, str], ...] = ()
    # (file, role, column): records with that role must fill that column (ST Math: a
    # student's grades), although the spec leaves it optional.
    required_for_role: tuple[tuple[str, str, str], ...] = ()
    # Columns the vendor's own templates add: (file, name); a name ending in * is a prefix.
    extra_columns: tuple[tuple[str, str], ...] = ()
    # Whether the vendor fails imports whose columns differ from its templates (so an unknown
    # column must be deleted, not renamed metadata.*).
    columns_must_match: bool = False
    # (file, column, allowed values) for the vendor's own columns whose values it lists.
    extra_values: tuple[tuple[str, str, tuple[str, ...]], ...] = ()
    # Accepted grade codes; None = CEDS as the spec says (1.2 leaves grades to the profile).
    grades: tuple[str, ...] | None = None
    grades_case_insensitive: bool = False
    # Enumerations and booleans matched ignoring case (Microsoft SDS).
    values_case_insensitive: bool = False
    # dateLastModified written as a date alone (YYYY-MM-DD), as the vendor documents it.
    date_only_datetimes: bool = False
    # Rule id -> severity where the vendor's import treats a fault differently from the default.
    severities: dict[str, str] = field(default_factory=dict)

    @property
    def who(self) -> str:
        """How messages name the rule's owner."""
        return self.vendor or "OneRoster"

    def severity(self, rule: str, default: str) -> str:
        """The severity this vendor gives a rule."""
        return self.severities.get(rule, default)

    def documents_column(self, file: str, name: str) -> bool:
        """Whether the vendor's templates list this extra column for this file."""
        for owner, column in self.extra_columns:
            if owner not in (file, "*"):
                continue
            if name == column or (column.endswith("*") and name.startswith(column[:-1])):
                return True
        return False
