"""The frozen entry script: the windowed executable answers printing commands politely."""

import importlib.util
import sys
from pathlib import Path

import pytest

from rostereditor import __version__

LAUNCH = Path(__file__).resolve().parents[2] / "packaging" / "launch.py"


@pytest.fixture
def launch():
    spec = importlib.util.spec_from_file_location("rostereditor_launch", LAUNCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def windowed(monkeypatch, tmp_path):
    """Call it in the test body (pytest restores its own capture streams after setup)."""
    monkeypatch.setenv("ROSTEREDITOR_LOG_DIR", str(tmp_path / "logs"))

    def go_windowed():
        # What a console=False build on Windows has: no stdout, no stderr.
        monkeypatch.setattr(sys, "stdout", None)
        monkeypatch.setattr(sys, "stderr", None)
        return []

    return go_windowed


def test_windowed_command_points_to_the_console_companion(launch, windowed):
    shown = windowed()
    code = launch.run(["validate", "bundle.zip"], show=shown.append)
    assert code == 2
    (message,) = shown
    assert "rostereditor-cli" in message
    assert "validate bundle.zip" in message


@pytest.mark.parametrize("args", [["--help"], ["--version"], ["pack", "--help"]])
def test_windowed_help_and_version_do_not_crash(launch, windowed, args):
    shown = windowed()
    assert launch.run(args, show=shown.append) == 2
    assert len(shown) == 1


def test_windowed_bad_option_shows_what_was_wrong(launch, windowed):
    shown = windowed()
    code = launch.run(["--no-such-option"], show=shown.append)
    assert code == 2
    (message,) = shown
    assert "--no-such-option" in message


def test_with_a_console_commands_run_and_print(launch, capsys):
    assert launch.run(["--version"], show=pytest.fail) == 0
    assert capsys.readouterr().out.strip() == f"RosterEditor {__version__}"


def test_companion_sits_beside_the_executable(launch):
    path = Path(launch.console_companion(str(Path("/opt/RosterEditor/RosterEditor"))))
    assert path.parent == Path("/opt/RosterEditor").resolve()
    assert path.stem == "rostereditor-cli"
