"""A recipe replay's results as text for people and as JSON for scripts."""

from __future__ import annotations

from rostereditor.core.recipes.replay import RecipeRun


def run_text(run: RecipeRun) -> str:
    title = f" {run.recipe.title!r}" if run.recipe.title else ""
    lines = [f"Applied recipe{title}: {len(run.results)} step(s), {run.changed} change(s)."]
    for result in run.results:
        files = ", ".join(f"{f} {n}" for f, n in result.by_file.items())
        counted = f"{result.changed} change(s) ({files})" if result.changed else "no changes"
        lines.append(f"{result.number}. {result.description}: {counted}")
        lines += [f"     {example}" for example in result.examples]
        lines += [f"     note: {note}" for note in result.notes]
    return "\n".join(lines) + "\n"


def run_json(run: RecipeRun) -> dict[str, object]:
    return {
        "title": run.recipe.title,
        "changed": run.changed,
        "steps": [{"number": r.number, "description": r.description, "changed": r.changed,
                   "by_file": r.by_file, "examples": r.examples, "notes": r.notes,
                   "matched": r.matched} for r in run.results],
    }
