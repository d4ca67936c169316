"""`rostereditor rules`: print every validation rule with what it means and how to fix it."""

from __future__ import annotations

import argparse

from rostereditor.core.validation import rules_catalogue


def register(parser: argparse.ArgumentParser) -> None:
    parser.description = "List every rule the validator reports, with how to fix it."
    parser.add_argument("rule", nargs="?", help="show only rules whose id starts with this")


def run(args: argparse.Namespace) -> int:
    for doc in rules_catalogue():
        if args.rule and not doc.rule.startswith(args.rule):
            continue
        print(f"{doc.rule}  ({doc.severity})  {doc.title}")
        print(f"    {doc.explanation}")
        print(f"    Fix: {doc.how_to_fix}")
        print()
    return 0
