"""Run-time hook: runs four of PyInstaller's run-time hooks when their module is imported, not at launch.

PyInstaller runs its hooks on every launch: the PySide6 one imports QtCore (0.5 s), the others
import inspect, zipfile, pkgutil and multiprocessing, before `rostereditor-cli --help` or
`validate` can print a line, though neither touches Qt or those modules. build.spec swaps those
hooks for this one and archives each original, unchanged, as the module _rostereditor_<hook>.
This hook runs each original exactly where it matters: the PySide6 one just before
rostereditor.ui is first imported (all Qt code lives there: ruff bans Qt in the core and the CLI
imports the window lazily), so Qt meets the same state as at launch; the others just after
their module's first import, which is what they patch.
"""

from __future__ import annotations

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing would cost start-up time
if TYPE_CHECKING:
    from typing import Any

# PyInstaller's hook -> (when, module): "before" or "after" the module's first import.
# build.spec reads this table (and fails the build if a hook named here is not in the app).
DEFERRED_HOOKS = {
    "pyi_rth_pyside6": ("before", "rostereditor.ui"),
    "pyi_rth_inspect": ("after", "inspect"),
    "pyi_rth_pkgutil": ("after", "pkgutil"),
    "pyi_rth_multiprocessing": ("after", "multiprocessing"),
}


def _defer_hooks(deferred: dict[str, tuple[str, str]]) -> None:
    # A function, like PyInstaller's hooks: run-time hooks share __main__'s namespace with
    # packaging/launch.py, so nothing here may leave a global name behind.
    import importlib  # noqa: PLC0415
    import sys  # noqa: PLC0415

    waiting = {module: (when, f"_rostereditor_{hook}") for hook, (when, module) in deferred.items()}
    for module in [name for name in waiting if name in sys.modules]:  # imported by the bootstrap
        importlib.import_module(waiting.pop(module)[1])

    class AfterLoading:
        """Loads the module with its own loader, then runs the hook."""

        def __init__(self, loader: Any, hook: str) -> None:
            self.loader, self.hook = loader, hook

        def create_module(self, spec: Any) -> Any:
            return self.loader.create_module(spec)

        def exec_module(self, module: Any) -> None:
            self.loader.exec_module(module)
            module.__loader__ = module.__spec__.loader = self.loader  # as if never wrapped
            importlib.import_module(self.hook)

    class RunHookOnImport:
        """A meta-path finder that only notices the first import of the modules in `waiting`."""

        @classmethod
        def find_spec(cls, name: str, path: Any = None, target: Any = None) -> Any:
            if name not in waiting:
                return None
            when, hook = waiting.pop(name)
            others = sys.meta_path[sys.meta_path.index(cls) + 1:]
            if not waiting:
                sys.meta_path.remove(cls)
            if when == "before":
                importlib.import_module(hook)
                return None  # the usual finders go on to load the module itself
            for finder in others:
                spec = finder.find_spec(name, path, target) if hasattr(finder, "find_spec") else None
                if spec is not None and spec.loader is not None:
                    spec.loader = AfterLoading(spec.loader, hook)
                    return spec
            return None  # nowhere to be found: the import fails as it would have

    if waiting:
        sys.meta_path.insert(0, RunHookOnImport)  # type: ignore[arg-type]


_defer_hooks(DEFERRED_HOOKS)
del _defer_hooks, DEFERRED_HOOKS, TYPE_CHECKING
