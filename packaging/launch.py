"""Entry script PyInstaller freezes into both executables: the window and its console companion.

Both run the same main() as the `rostereditor` console command. The difference is Windows'
windowed executable: it has no console, so sys.stdout and sys.stderr are None and anything a
command prints would crash it ('NoneType' object has no attribute 'write'). There a command,
--help or --version is answered in a message box pointing at the console companion instead.
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
import sys
from collections.abc import Callable, Sequence

# The console companion beside the window's executable (build.spec builds both).
CONSOLE_NAME = "rostereditor-cli"
WINDOW_TITLE = "RosterEditor"
EXIT_NEEDS_CONSOLE = 2

logger = logging.getLogger("rostereditor.launch")


def has_console() -> bool:
    """False in a windowed Windows build, where there is nowhere to print."""
    return sys.stdout is not None and sys.stderr is not None


def console_companion(executable: str | None = None) -> str:
    """Path of the console executable in the same folder as this one."""
    folder = os.path.dirname(os.path.abspath(executable or sys.executable))
    suffix = ".exe" if sys.platform == "win32" else ""
    return os.path.join(folder, CONSOLE_NAME + suffix)


def needs_console(args: Sequence[str], commands: Sequence[str]) -> bool:
    """True for a command (validate, pack, ...) or for --help/--version: they print."""
    if args and args[0] in commands:
        return True
    return any(arg in ("-h", "--help", "--version") for arg in args)


def console_message(args: Sequence[str], executable: str | None = None) -> str:
    """What a user who ran `RosterEditor.exe validate ...` needs to read."""
    shown = " ".join(args)
    return (
        "RosterEditor.exe opens the editor window, which cannot show a command's results.\n\n"
        f"To run \u201c{shown}\u201d, open Command Prompt or PowerShell and use the command-line "
        "version in the same folder:\n\n"
        f"\u201c{console_companion(executable)}\u201d {shown}"
    )


def show_message(text: str) -> None:
    """A native message box (no Qt, so it appears at once); the log gets a copy too."""
    _log_to_file()
    logger.error(text)
    if sys.platform == "win32":
        import ctypes  # noqa: PLC0415 - Windows only

        message_box = ctypes.windll.user32.MessageBoxW  # type: ignore[attr-defined]
        message_box(None, text, WINDOW_TITLE, 0x40)  # MB_OK | MB_ICONINFORMATION


def _log_to_file() -> None:
    # A log we cannot write must not hide the message box.
    with contextlib.suppress(Exception):
        from rostereditor.app_log import setup_logging  # noqa: PLC0415

        setup_logging()


class _Captured(io.StringIO):
    """Stands in for a missing stdout/stderr so a stray print() cannot crash the window."""


def run(argv: Sequence[str] | None = None, show: Callable[[str], None] = show_message) -> int:
    """Start the app; without a console, refuse printing commands politely."""
    args = list(sys.argv[1:] if argv is None else argv)
    from rostereditor.cli.main import COMMANDS, main  # noqa: PLC0415 - light: argparse only

    if has_console():
        return main(args)
    if needs_console(args, list(COMMANDS)):
        show(console_message(args))
        return EXIT_NEEDS_CONSOLE
    captured = _Captured()
    sys.stdout = sys.stdout or captured
    sys.stderr = sys.stderr or captured
    try:
        return main(args)
    except SystemExit as exc:  # argparse rejecting the arguments: it wrote why to stderr
        if exc.code and captured.getvalue().strip():
            show(captured.getvalue().strip())
        return exc.code if isinstance(exc.code, int) else EXIT_NEEDS_CONSOLE


if __name__ == "__main__":
    sys.exit(run())
