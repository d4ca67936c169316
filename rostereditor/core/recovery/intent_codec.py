"""An edit's intent (what it did in general terms) as journal JSON and back, so recovered
fixes join the fix recipe recording as they would have without the crash."""

from __future__ import annotations

import dataclasses
from typing import Any

from rostereditor.core.editing.search_match import SearchOptions
from rostereditor.core.session.edit_intents import (
    CellFixed,
    ColumnFixed,
    ColumnInserted,
    ColumnMoved,
    ColumnRenamed,
    ColumnsDeleted,
    IdRenamed,
    ReplacedAll,
)

_PLAIN_TYPES = (CellFixed, ColumnFixed, IdRenamed, ColumnInserted, ColumnsDeleted, ColumnRenamed,
                ColumnMoved)
_PLAIN: dict[str, type] = {kind.__name__: kind for kind in _PLAIN_TYPES}
_RECIPE = "RecipeApplied"


def encode_intent(intent: object) -> dict[str, Any] | None:
    """JSON for an intent; None for no intent or one this journal does not know."""
    if intent is None:
        return None
    name = type(intent).__name__
    if isinstance(intent, _PLAIN_TYPES):
        return {"type": name, **dataclasses.asdict(intent)}
    if isinstance(intent, ReplacedAll):
        return {"type": "ReplacedAll", "options": dataclasses.asdict(intent.options),
                "replacement": intent.replacement, "files": list(intent.files),
                "columns": list(intent.columns)}
    if name == _RECIPE:
        from rostereditor.core.recipes.recipe_file import recipe_text  # noqa: PLC0415 - rare

        return {"type": _RECIPE, "recipe": recipe_text(intent.recipe)}  # type: ignore[attr-defined]
    return None


def decode_intent(data: object) -> object | None:
    """The intent `encode_intent` wrote; None when there is none or it cannot be read (the
    edit is still recovered, only not recorded as a fix)."""
    if not isinstance(data, dict):
        return None
    fields = {key: value for key, value in data.items() if key != "type"}
    kind = data.get("type")
    try:
        if isinstance(kind, str) and kind in _PLAIN:
            intent: object = _PLAIN[kind](**{key: tuple(value) if isinstance(value, list)
                                             else value for key, value in fields.items()})
            return intent
        if kind == "ReplacedAll":
            return ReplacedAll(SearchOptions(**fields["options"]), str(fields["replacement"]),
                               tuple(fields["files"]), tuple(fields["columns"]))
        if kind == _RECIPE:
            from rostereditor.core.recipes.edit_recording import (  # noqa: PLC0415 - rare
                RecipeApplied,
            )
            from rostereditor.core.recipes.recipe_file import parse_recipe  # noqa: PLC0415

            return RecipeApplied(parse_recipe(str(fields["recipe"])))
    except (TypeError, KeyError, ValueError):
        return None
    return None
