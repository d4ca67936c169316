"""The frozen app's run-time hook runs PyInstaller's hooks on first import, not at launch."""

import importlib
import sys
from pathlib import Path

import pytest

HOOK = Path(__file__).resolve().parents[2] / "packaging" / "pyi_rth_deferred_hooks.py"


@pytest.fixture
def modules(tmp_path, monkeypatch):
    """A folder on sys.path for stand-in modules, and the import state restored afterwards."""
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(sys, "meta_path", list(sys.meta_path))
    before = set(sys.modules)
    events: list[str] = []
    monkeypatch.setattr(sys, "hook_events", events, raising=False)

    def write(name: str, body: str = "") -> None:
        (tmp_path / f"{name}.py").write_text(
            f"import sys\nsys.hook_events.append({name!r})\n{body}", encoding="utf-8")

    yield write, events
    for name in set(sys.modules) - before:
        del sys.modules[name]


def defer(table: dict[str, tuple[str, str]]) -> None:
    """Run the hook file as the frozen app does, with a table of stand-in hooks."""
    source = HOOK.read_text(encoding="utf-8").rsplit("_defer_hooks(DEFERRED_HOOKS)", 1)[0]
    namespace = {"__name__": "__main__"}
    exec(compile(source, str(HOOK), "exec"), namespace)
    namespace["_defer_hooks"](table)


def test_before_hook_runs_ahead_of_its_module_and_after_hook_once_it_is_loaded(modules):
    write, events = modules
    write("window_pkg")
    write("_rostereditor_qt_hook", "assert 'window_pkg' not in sys.modules")
    write("patched")
    write("_rostereditor_patch_hook", "import patched\nassert patched.__spec__ is not None")
    defer({"qt_hook": ("before", "window_pkg"), "patch_hook": ("after", "patched")})

    importlib.import_module("window_pkg")
    importlib.import_module("patched")

    assert events == ["_rostereditor_qt_hook", "window_pkg", "patched", "_rostereditor_patch_hook"]


def test_nothing_runs_while_other_modules_are_imported(modules):
    write, events = modules
    write("window_pkg")
    write("_rostereditor_qt_hook")
    write("unrelated")
    defer({"qt_hook": ("before", "window_pkg")})

    importlib.import_module("unrelated")

    assert events == ["unrelated"]


def test_a_loaded_module_keeps_its_own_loader_and_the_finder_leaves(modules):
    write, _ = modules
    write("patched")
    write("_rostereditor_patch_hook")
    defer({"patch_hook": ("after", "patched")})
    finders = len(sys.meta_path)

    module = importlib.import_module("patched")

    assert type(module.__loader__).__name__ == "SourceFileLoader"
    assert module.__spec__.loader is module.__loader__
    assert len(sys.meta_path) == finders - 1  # every hook has run: no cost on later imports


def test_hook_for_a_module_already_imported_runs_at_once(modules):
    write, events = modules
    write("early")
    write("_rostereditor_early_hook")
    importlib.import_module("early")

    defer({"early_hook": ("after", "early")})

    assert events == ["early", "_rostereditor_early_hook"]


def test_hook_table_names_pyinstallers_start_up_hooks():
    source = HOOK.read_text(encoding="utf-8")
    for hook in ("pyi_rth_pyside6", "pyi_rth_inspect", "pyi_rth_pkgutil", "pyi_rth_multiprocessing"):
        assert f'"{hook}"' in source
    assert '"pyi_rth_pyside6": ("before", "rostereditor.ui")' in source
