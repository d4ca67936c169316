"""`rostereditor apply RECIPE SOURCE -o OUT.zip`: replay saved fixes on a new export."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def register(parser: argparse.ArgumentParser) -> None:
    from rostereditor.core.validation import list_profiles

    parser.description = (
        "Replay a fix recipe (a .toml file saved from the editor or written by hand) on a bundle "
        "and write the result as one canonical zip. Each step's changes are counted with "
        "examples; a step that finds nothing to change is reported, not an error. Exit 0: "
        "written and no errors; 1: written, but the result still has errors; 2: nothing written.")
    parser.add_argument("recipe", help="the recipe file (.toml)")
    parser.add_argument("source", help="a bundle zip, a folder, or a CSV file")
    parser.add_argument("-o", "--output", required=True, help="the zip to write")
    parser.add_argument("--vendor", default="1edtech", choices=[p.name for p in list_profiles()],
                        metavar="NAME", help="vendor rules for quick-fix steps and the final check")
    parser.add_argument("--oneroster", choices=["1.0", "1.1", "1.2"],
                        help="OneRoster version (default: from the manifest; none means 1.0)")
    parser.add_argument("--report", help="also write the report here (.json for JSON, else text)")


def run(args: argparse.Namespace) -> int:
    from rostereditor.cli.bundle_output import EXIT_UNREADABLE, read_source, write_and_check
    from rostereditor.core.recipes import RecipeError, apply_recipe, load_recipe, run_json, run_text

    try:
        recipe = load_recipe(args.recipe)
    except RecipeError as exc:
        print(f"rostereditor apply: {exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    bundle = read_source(args.source)
    if bundle is None:
        return EXIT_UNREADABLE
    version = args.oneroster or bundle.detected_version
    outcome = apply_recipe(recipe, bundle, vendor=args.vendor, version=version)
    sys.stdout.write(run_text(outcome) + "\n")
    if args.report:
        path = Path(args.report)
        text = (json.dumps(run_json(outcome), ensure_ascii=False, indent=1) + "\n"
                if path.suffix.lower() == ".json" else run_text(outcome))
        try:
            path.write_text(text, encoding="utf-8")
        except OSError as exc:
            print(f"rostereditor: cannot write {path}: {exc.strerror or exc}", file=sys.stderr)
            return EXIT_UNREADABLE
    return write_and_check(bundle, args.output, version, args.vendor)
