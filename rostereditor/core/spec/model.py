"""The shape of a OneRoster version as data: files, their columns in order, types and references."""

from __future__ import annotations

from dataclasses import dataclass, field

KINDS = frozenset({
    "guid", "ref", "ref_list", "enum", "enum_list", "date", "datetime", "year", "boolean",
    "integer", "float", "string", "string_list", "userids", "grades", "score_scale",
})


@dataclass(frozen=True)
class TargetType:
    """A reference must point at a record whose `column` holds one of `values` (e.g. type=school)."""

    column: str
    values: tuple[str, ...]


@dataclass(frozen=True)
class ColumnSpec:
    """One defined column: name, whether a value is required, its type and what it points at."""

    name: str
    required: bool
    kind: str
    values: tuple[str, ...] = ()
    target: str | None = None
    description: str = ""
    target_type: TargetType | None = None
    # status / dateLastModified: blank in bulk files, filled in delta files.
    mode_dependent: bool = False
    # "email", "username", "name", "id": text that gets extra care (spaces, Excel damage).
    text_role: str | None = None
    # 1.2 extensible vocabularies accept proprietary values starting with "ext:".
    extensible: bool = False

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown column kind {self.kind!r} for {self.name}")

    @property
    def is_identifier(self) -> bool:
        """Columns holding sourcedIds or references to them."""
        return self.kind in ("guid", "ref", "ref_list")

    @property
    def is_list(self) -> bool:
        """Columns holding comma-separated items."""
        return self.kind in ("ref_list", "enum_list", "string_list", "userids", "grades",
                             "score_scale")


@dataclass(frozen=True)
class FileSpec:
    """One OneRoster CSV file: its columns in the spec's order and its key column."""

    name: str
    columns: list[ColumnSpec]
    key: str | None = "sourcedId"
    # Columns a published layout leaves out (1.2 users.csv with or without resourceSourcedIds).
    omittable: tuple[str, ...] = ()
    # 1.0 placed metadata.* columns among the defined ones.
    extensions_anywhere: bool = False
    # Pairs of list columns whose items correspond by position (subjects / subjectCodes).
    parallel_lists: tuple[tuple[str, str], ...] = ()
    # (minimum column, maximum column): the minimum must not exceed the maximum.
    bounds: tuple[tuple[str, str], ...] = ()
    # (source column, id column): the id must be a UUID URN when the source is "case".
    case_ids: tuple[tuple[str, str], ...] = ()

    def column(self, name: str) -> ColumnSpec | None:
        for column in self.columns:
            if column.name == name:
                return column
        return None

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    def layouts(self) -> list[list[str]]:
        """Every accepted header, full layout first."""
        full = self.column_names
        if not self.omittable:
            return [full]
        return [full, [n for n in full if n not in self.omittable]]


@dataclass(frozen=True)
class DatesWithinSessions:
    """A record's begin/end dates should lie inside the sessions of the record it belongs to.

    In OneRoster: enrollments.beginDate/endDate inside the terms their class lists. Both end
    dates are exclusive (the day after), as the spec defines them.
    """

    file: str
    begin: str
    end: str
    owner_column: str  # in file: the reference to the owning record
    owner_file: str
    sessions_column: str  # in owner_file: the list of session references
    sessions_file: str
    session_start: str
    session_end: str
    # How messages name the owning record and its sessions.
    owner_noun: str = "class"
    sessions_noun: str = "terms"


@dataclass(frozen=True)
class OneRosterSpec:
    """All files of one OneRoster version."""

    version: str
    files: dict[str, FileSpec] = field(default_factory=dict)
    # Files a bundle of this version must contain (1.0: all seven; 1.1/1.2: the manifest).
    required_files: tuple[str, ...] = ()
    has_manifest: bool = True
    # "Should" rules about dates across files; None where the version has no such dates (1.0).
    dates_within_sessions: DatesWithinSessions | None = None

    def file(self, name: str) -> FileSpec | None:
        return self.files.get(name)

    @property
    def file_names(self) -> list[str]:
        return list(self.files)
