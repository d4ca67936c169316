"""Fix recipes as TOML files: readable, commented, and checked strictly when loaded.

TOML rather than JSON because people read and edit recipes by hand (nightly fixes kept next to
an export script): TOML allows comments, needs no commas or braces between steps, and Python
reads it without a dependency (tomllib); the little writing it needs is in toml_text.

    format = 1
    title = "Nightly Campus export"

    [[step]]
    action = "rule-fix"
    rule = "excel.grade-leading-zero"
    file = "users.csv"
    column = "grades"
"""

from __future__ import annotations

import dataclasses
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from rostereditor.core.atomic_save import atomic_write
from rostereditor.core.editing.find_replace import SearchOptions, SearchPatternError, count_matches
from rostereditor.core.errors import RosterEditorError
from rostereditor.core.recipes.steps import STEP_TYPES, Recipe, Replace, Step, describe
from rostereditor.core.recipes.toml_text import Value, key_value_lines, table_lines
from rostereditor.core.table import Table
from rostereditor.core.wording import agree

RECIPE_FORMAT = 1
_ACTIONS = {step_type.ACTION: step_type for step_type in STEP_TYPES}
_POSITIONED = ("before", "after")


class RecipeError(RosterEditorError, ValueError):
    """The recipe file cannot be used; the message says which step and what is wrong."""


# -- reading -----------------------------------------------------------------------------------------

def load_recipe(path: Path | str) -> Recipe:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise RecipeError(f"Cannot read the recipe {path}: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise RecipeError(f"The recipe {path} is not UTF-8 text.") from exc
    return parse_recipe(text, str(path))


def parse_recipe(text: str, name: str = "the recipe") -> Recipe:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RecipeError(f"{name} is not valid TOML: {exc}") from exc
    version = data.pop("format", None)
    if version != RECIPE_FORMAT:
        newer = isinstance(version, int) and version > RECIPE_FORMAT
        raise RecipeError(f"{name} says format = {version!r}; this RosterEditor reads format = "
                          f"{RECIPE_FORMAT}" + (" (the recipe is from a newer version)." if newer else "."))
    title = _text(data.pop("title", ""), f"{name}: title")
    description = _text(data.pop("description", ""), f"{name}: description")
    raw_steps = data.pop("step", [])
    if data:
        word = agree(len(data), "setting", "settings")
        raise RecipeError(f"{name}: unknown {word} {', '.join(sorted(data))}; the recipe has "
                          "format, title, description and [[step]] tables.")
    if not isinstance(raw_steps, list):
        raise RecipeError(f"{name}: steps are written [[step]].")
    steps = tuple(_step(raw, f"{name}, step {number}") for number, raw in enumerate(raw_steps, 1))
    return Recipe(steps, title, description)


def _step(raw: Any, where: str) -> Step:
    if not isinstance(raw, dict):
        raise RecipeError(f"{where}: a step is a [[step]] table.")
    raw = dict(raw)
    action = raw.pop("action", None)
    step_type = _ACTIONS.get(action) if isinstance(action, str) else None
    if step_type is None:
        raise RecipeError(f"{where}: action = {action!r} is not one of {', '.join(_ACTIONS)}.")
    fields = {f.name: f for f in dataclasses.fields(step_type)}
    unknown = sorted(set(raw) - set(fields))
    if unknown:
        word = agree(len(unknown), "key", "keys")
        raise RecipeError(f"{where} ({action}): unknown {word} {', '.join(unknown)}; it takes "
                          f"{', '.join(fields)}.")
    values = {}
    for field in fields.values():
        if field.name in raw:
            values[field.name] = _READERS[str(field.type)](raw[field.name], f"{where}: {field.name}")
        elif field.default is dataclasses.MISSING:
            raise RecipeError(f"{where} ({action}): {field.name} is missing.")
    step: Step = step_type(**values)
    _check(step, where)
    return step


def _check(step: Step, where: str) -> None:
    if all(getattr(step, p, None) is not None for p in _POSITIONED):
        raise RecipeError(f"{where}: give before or after, not both.")
    if isinstance(step, Replace):
        if not step.find:
            raise RecipeError(f"{where}: find is empty.")
        probe = Table.from_rows(["probe"], [[""]])  # matching one cell compiles the pattern
        try:
            count_matches(probe, SearchOptions(step.find, step.match_case, step.whole_cell, step.regex))
        except SearchPatternError as exc:
            raise RecipeError(f"{where}: find is not a valid regular expression: {exc}") from exc
    # Column names may be empty: Excel leaves unnamed columns a recipe may need to delete.
    for name in ("file", "rule"):
        if getattr(step, name, None) == "":
            raise RecipeError(f"{where}: {name} is empty.")


def _text(value: Any, where: str) -> str:
    if not isinstance(value, str):
        raise RecipeError(f"{where} must be text in quotes.")
    return value


def _flag(value: Any, where: str) -> bool:
    if not isinstance(value, bool):
        raise RecipeError(f"{where} must be true or false.")
    return value


def _texts(value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RecipeError(f'{where} must be a list of texts, e.g. ["a", "b"].')
    return tuple(value)


def _mapping(value: Any, where: str) -> tuple[tuple[str, str], ...]:
    if not isinstance(value, dict) or not value or not all(isinstance(v, str) for v in value.values()):
        raise RecipeError(f'{where} must be a table of old = "new" sourcedIds.')
    return tuple(value.items())


_READERS: dict[str, Callable[[Any, str], Any]] = {
    "str": _text, "str | None": _text, "bool": _flag, "tuple[str, ...]": _texts,
    "tuple[tuple[str, str], ...]": _mapping,
}


# -- writing -----------------------------------------------------------------------------------------

def recipe_text(recipe: Recipe) -> str:
    """The recipe as TOML, each step under a comment saying what it does."""
    lines = ["# RosterEditor fix recipe. Replay it on a new export with:",
             "#   rostereditor apply THIS_FILE EXPORT.zip -o FIXED.zip",
             "# or in the editor with File > Apply Fix Recipe.",
             *key_value_lines({"format": RECIPE_FORMAT, "title": recipe.title,
                               "description": recipe.description})]
    for step in recipe.steps:
        comment = "".join(ch if ch.isprintable() else " " for ch in describe(step))
        lines += ["", f"# {comment}", "[[step]]", *key_value_lines(_step_values(step))]
        mappings = {f.name: dict(getattr(step, f.name)) for f in dataclasses.fields(step)
                    if str(f.type) == "tuple[tuple[str, str], ...]"}
        for name, mapping in mappings.items():
            lines += table_lines(f"step.{name}", mapping)
    return "\n".join(lines) + "\n"


def _step_values(step: Step) -> dict[str, Value]:
    values: dict[str, Value] = {"action": step.ACTION}
    for field in dataclasses.fields(step):
        value = getattr(step, field.name)
        if str(field.type) == "tuple[tuple[str, str], ...]":
            continue  # written as a sub-table after the plain keys
        if value is None or (value == field.default and field.default is not dataclasses.MISSING):
            continue
        values[field.name] = value
    return values


def save_recipe(recipe: Recipe, path: Path | str) -> None:
    """Write the recipe crash-safely (temporary file, then replace)."""
    text = recipe_text(recipe).encode("utf-8")

    def write(temp: Path) -> None:
        temp.write_bytes(text)

    atomic_write(Path(path), write, keep_backup=False)

