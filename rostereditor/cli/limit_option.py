"""The --limit NAME=VALUE option that raises the reader's safety limits for one command."""

from __future__ import annotations

import argparse
import dataclasses
import sys

from rostereditor.core.read_limits import DEFAULT_LIMITS, ReadLimits, describe_size, limit_flag

_COUNTS = {"zip_files", "zip_entries", "compression_ratio", "xlsx_cells", "xlsx_cells_per_kb",
           "xlsx_strings"}


def add_limit_option(parser: argparse.ArgumentParser) -> None:
    defaults = ", ".join(
        f"{limit_flag(f.name)}={_shown(f.name, getattr(DEFAULT_LIMITS, f.name))}"
        for f in dataclasses.fields(DEFAULT_LIMITS)
    )
    parser.add_argument(
        "--limit", action="append", default=[], metavar="NAME=VALUE",
        help="raise a safety limit of the reader for a file you trust (repeatable). "
             f"Limits and defaults: {defaults}",
    )


def limits_from(args: argparse.Namespace) -> ReadLimits | None:
    """The limits asked for, or None after explaining on stderr why a setting is not understood."""
    try:
        return DEFAULT_LIMITS.with_overrides(args.limit)
    except ValueError as exc:
        print(f"rostereditor: {exc}", file=sys.stderr)
        return None


def _shown(name: str, value: int) -> str:
    return f"{value:,}".replace(",", "") if name in _COUNTS else describe_size(value).replace(" ", "")
