"""Entry point: dispatch to a subcommand, or start the editor window."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

# Subcommand name -> module in rostereditor.cli with register(subparsers) and run(args) -> int.
# Modules are imported only when their command runs, so `rostereditor --help` stays quick.
COMMANDS: dict[str, str] = {
    "pack": "pack_command",
    "sample": "sample_command",
    "validate": "validate_command",
    "rules": "rules_command",
    "export": "export_command",
    "import": "import_command",
    "convert": "convert_command",
    "apply": "apply_command",
    "compare": "compare_command",
    "delta": "delta_command",
    "summary": "summary_command",
}

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_UNREADABLE = 2


def _command_parser(name: str) -> tuple[argparse.ArgumentParser, object]:
    module = importlib.import_module(f"rostereditor.cli.{COMMANDS[name]}")
    parser = argparse.ArgumentParser(prog=f"rostereditor {name}")
    module.register(parser)
    return parser, module


def _gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="rostereditor",
        description="Edit and validate OneRoster CSV bundles. Commands: " + ", ".join(COMMANDS)
        + " (run `rostereditor COMMAND --help`).",
    )
    parser.add_argument("path", nargs="?", help="a bundle zip, a folder, or a CSV file to open")
    parser.add_argument("--sample", action="store_true",
                        help="open the bundled sample district (with some Excel damage to fix)")
    parser.add_argument("--self-test", action="store_true",
                        help="open the bundled damaged sample, edit, save and re-read; exit 0 if all worked")
    parser.add_argument("--report", help="with --self-test: where to write the JSON report")
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    from rostereditor.cli.pandas_refusal import pandas_refused

    with pandas_refused():
        return _dispatch(args)


def _dispatch(args: list[str]) -> int:
    if args and args[0] in COMMANDS:
        parser, module = _command_parser(args[0])
        parsed = parser.parse_args(args[1:])
        _use_returning_allocator()
        try:
            return int(module.run(parsed))  # type: ignore[attr-defined]
        except BrokenPipeError:
            # Output piped into `head` or a closed pager: stop quietly, as Unix tools do.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            return EXIT_OK
    parsed = _gui_parser().parse_args(args)
    if parsed.version:
        from rostereditor import __version__

        print(f"RosterEditor {__version__}")
        return EXIT_OK
    _use_returning_allocator()
    return _start_editor(parsed)


def _use_returning_allocator() -> None:
    # Imports pyarrow (~0.3 s): only once a command or the window will really run, so --help
    # and --version answer at once.
    from rostereditor.core.arrow_memory import use_returning_allocator

    use_returning_allocator()


def _start_editor(parsed: argparse.Namespace) -> int:
    try:
        app_module = importlib.import_module("rostereditor.ui.app")
    except ImportError as exc:
        print(f"The editor window cannot start: {exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    return int(app_module.run_app(parsed))


if __name__ == "__main__":
    sys.exit(main())
