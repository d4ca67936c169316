"""A recipe replay's results as text for people, as JSON for scripts, and as the window's report."""

from __future__ import annotations

from rostereditor.core.recipes.replay import RecipeRun, StepResult
from rostereditor.core.report_outline import ReportOutline, ReportPoint, ReportSection
from rostereditor.core.wording import plural

# The note replay adds to a step that changed nothing and has nothing more specific to say.
_NOTHING_NOTE = "matched nothing: nothing to change"


def run_text(run: RecipeRun) -> str:
    title = f" {run.recipe.title!r}" if run.recipe.title else ""
    lines = [f"Applied recipe{title}: {plural(len(run.results), 'step')}, "
             f"{plural(run.changed, 'change')}."]
    for result in run.results:
        files = ", ".join(f"{f} {n}" for f, n in result.by_file.items())
        counted = f"{plural(result.changed, 'change')} ({files})" if result.changed else "no changes"
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


def run_outline(run: RecipeRun) -> ReportOutline:
    """What each step changed (counts per file, examples), then the steps that found nothing."""
    name = f"\u201c{run.recipe.title}\u201d" if run.recipe.title else "Fix recipe"
    matched = [r for r in run.results if r.matched]
    idle = [r for r in run.results if not r.matched]
    steps = plural(len(run.results), "step")
    if matched:
        summary = (f"{name} made {plural(run.changed, 'change')}: {len(matched)} of its {steps} "
                   f"found something to fix.")
    else:
        summary = f"{name} changed nothing: none of its {steps} found anything to fix here."
    sections = []
    if matched:
        sections.append(ReportSection("What each step changed", tuple(
            ReportPoint(f"Step {r.number}: {r.description} \u2014 {_counted(r)}",
                        tuple(r.examples) + tuple(f"Note: {n}" for n in r.notes))
            for r in matched)))
    if idle:
        sections.append(ReportSection(
            "Steps with nothing to change", tuple(
                ReportPoint(f"Step {r.number}: {r.description}",
                            tuple(n[:1].upper() + n[1:] for n in r.notes if n != _NOTHING_NOTE))
                for r in idle),
            note="Not an error: this export does not have the problem the step fixes, or no "
                 "longer has what it names."))
    return ReportOutline(f"{name} applied" if run.recipe.title else "Fix recipe applied",
                         summary, tuple(sections))


def _counted(result: StepResult) -> str:
    per_file = ", ".join(f"{n:,} in {f}" for f, n in result.by_file.items())
    return plural(result.changed, "change") + (f" ({per_file})" if per_file else "")
