"""build.spec parses and asks PyInstaller for the right app, without running PyInstaller."""

import ast
import sys
import types
from pathlib import Path
from typing import ClassVar

import pytest

from rostereditor import __version__

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "build.spec"


BINARIES = [
    ("libarrow_flight.so", "/x", "BINARY"),
    ("libQt6Core.so.6", "/y", "BINARY"),
    ("PySide6/Qt/plugins/platforms/libqvnc.so", "/v", "BINARY"),
    ("PySide6/Qt/plugins/platforms/libqxcb.so", "/w", "BINARY"),
    ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", "/g", "BINARY"),
    ("PySide6\\plugins\\generic\\qtuiotouchplugin.dll", "/t", "BINARY"),
    ("PySide6\\opengl32sw.dll", "/o", "BINARY"),
    ("libgtk-3.so.0", "/gtk", "BINARY"),
    ("libglib-2.0.so.0", "/glib", "BINARY"),
    ("libxcb-cursor.so.0", "/xcbc", "BINARY"),
    ("pyarrow/libarrow_python.so", "/p", "BINARY"),
    ("pyarrow/libarrow_python.so.2600.1.0", "/p1", "BINARY"),
    ("pyarrow/libarrow_python.so.2600", "/p2", "BINARY"),
    # Windows: the same DLL once in its package folder and once more at the top level.
    ("pyarrow\\arrow.dll", "C:/site/pyarrow/arrow.dll", "BINARY"),
    ("arrow.dll", "C:/site/pyarrow/arrow.dll", "BINARY"),
]


# What Analysis.scripts holds: PyInstaller's bootstrap, its run-time hooks, the app's script last.
SCRIPTS = [
    ("pyiboot01_bootstrap", "/pyi/loader/pyiboot01_bootstrap.py", "PYSOURCE"),
    ("pyi_rth_inspect", "/pyi/rthooks/pyi_rth_inspect.py", "PYSOURCE"),
    ("pyi_rth_pkgutil", "/pyi/rthooks/pyi_rth_pkgutil.py", "PYSOURCE"),
    ("pyi_rth_multiprocessing", "/pyi/rthooks/pyi_rth_multiprocessing.py", "PYSOURCE"),
    ("pyi_rth_pyside6", "/pyi/rthooks/pyi_rth_pyside6.py", "PYSOURCE"),
    ("launch", str(ROOT / "packaging" / "launch.py"), "PYSOURCE"),
]


class _Recorder:
    """Stands in for one PyInstaller build target and remembers how it was called."""

    calls: ClassVar[dict[str, list[tuple]]] = {}

    def __init__(self, *args, **kwargs):
        type(self).calls.setdefault(type(self).__name__, []).append((args, kwargs))
        self.pure, self.scripts = [], list(SCRIPTS)
        self.binaries = list(BINARIES)
        self.datas = [*kwargs.get("datas", []),
                      ("PySide6/Qt/translations/qtbase_de.qm", "/z", "DATA"),
                      ("PySide6/Qt/translations/qtbase_en.qm", "/z", "DATA"),
                      ("pyarrow/include/arrow/api.h", "/h", "DATA"),
                      ("pyarrow/table.pxi", "/pxi", "DATA"),
                      ("pyarrow/vendored/docscrape.py", "/d", "DATA")]


def _target(name):
    return type(name, (_Recorder,), {})


def _fake_versioninfo():
    """Windows-only PyInstaller module (it needs pefile); records the keyword arguments."""
    module = types.ModuleType("PyInstaller.utils.win32.versioninfo")
    module.captured = {}
    for name in ("FixedFileInfo", "StringFileInfo", "StringStruct", "StringTable", "VarFileInfo",
                 "VarStruct", "VSVersionInfo"):
        setattr(module, name, lambda *args, _n=name, **kwargs: module.captured.setdefault(_n, kwargs))
    return module


def run_spec(monkeypatch, platform, build_number="0"):
    """Execute build.spec as PyInstaller would, with recording stand-ins for its classes.

    Returns {target: (args, kwargs) of its last call} and the spec's namespace; the list of
    every call is in _Recorder.calls.
    """
    monkeypatch.setenv("BUILD_NUMBER", build_number)
    _Recorder.calls = {}
    hooks = types.ModuleType("PyInstaller.utils.hooks")
    hooks.collect_submodules = lambda package: [f"{package}.cli.pack_command"]
    for name, module in {
        "PyInstaller": types.ModuleType("PyInstaller"),
        "PyInstaller.utils": types.ModuleType("PyInstaller.utils"),
        "PyInstaller.utils.hooks": hooks,
        "PyInstaller.utils.win32": types.ModuleType("PyInstaller.utils.win32"),
        "PyInstaller.utils.win32.versioninfo": _fake_versioninfo(),
    }.items():
        monkeypatch.setitem(sys.modules, name, module)
    monkeypatch.setattr(sys, "platform", platform)
    namespace = {"SPECPATH": str(ROOT), "__file__": str(SPEC), "DISTPATH": str(ROOT / "no-dist-here")}
    for name in ("Analysis", "PYZ", "EXE", "COLLECT", "BUNDLE"):
        namespace[name] = _target(name)
    exec(compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec"), namespace)
    return {name: calls[-1] for name, calls in _Recorder.calls.items()}, namespace


def test_spec_compiles():
    compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec")


@pytest.mark.parametrize("platform", ["linux", "win32", "darwin"])
def test_one_folder_holds_the_window_and_its_console_companion(monkeypatch, platform):
    calls, namespace = run_spec(monkeypatch, platform)
    window, cli = (kwargs for _, kwargs in _Recorder.calls["EXE"])
    assert window["name"] == "RosterEditor"
    assert window["console"] is False
    assert cli["name"] == "rostereditor-cli"
    assert cli["console"] is True
    for exe in (window, cli):
        assert exe["exclude_binaries"] is True  # onedir
        assert exe["upx"] is False
    collect_args, collect = calls["COLLECT"]
    assert len(_Recorder.calls["COLLECT"]) == 1
    assert sum(isinstance(arg, _Recorder) and type(arg).__name__ == "EXE" for arg in collect_args) == 2
    assert collect["upx"] is False
    assert ("BUNDLE" in calls) == (platform == "darwin")
    assert namespace["VERSION"] == __version__


def test_console_companion_name_matches_the_windowed_message(monkeypatch):
    _, namespace = run_spec(monkeypatch, "win32")
    launch = (ROOT / "packaging" / "launch.py").read_text(encoding="utf-8")
    assert f'CONSOLE_NAME = "{namespace["CLI_NAME"]}"' in launch


def test_runtime_assets_land_where_the_package_expects_them(monkeypatch):
    calls, _ = run_spec(monkeypatch, "linux")
    datas = {Path(src).name: dest for src, dest in calls["Analysis"][1]["datas"]}
    for name in ("__init__.py", "sample-district-damaged.zip", "sample-district.zip",
                 "app-icon.svg", "app-icon.png"):
        assert datas.get(name) == str(Path("rostereditor/resources")), name


def test_imports_and_excludes(monkeypatch):
    calls, _namespace = run_spec(monkeypatch, "linux")
    analysis = calls["Analysis"][1]
    assert "openpyxl" in analysis["hiddenimports"]
    assert "rostereditor.cli.pack_command" in analysis["hiddenimports"]
    excludes = set(analysis["excludes"])
    assert {"tkinter", "PyQt5", "PyQt6", "PySide6.QtQml", "pytest"} <= excludes
    kept = {"pyarrow", "pyarrow.compute", "pyarrow.csv", "openpyxl", "xlsxwriter", "numpy",
            "PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets", "PySide6.QtSvg"}
    assert not kept & excludes


def test_unused_libraries_and_translations_are_dropped(monkeypatch):
    _, namespace = run_spec(monkeypatch, "linux")
    analysis = namespace["a"]
    assert [b[0] for b in analysis.binaries] == [
        "libQt6Core.so.6", "PySide6/Qt/plugins/platforms/libqxcb.so", "libxcb-cursor.so.0",
        "pyarrow/libarrow_python.so.2600", "pyarrow\\arrow.dll", "arrow.dll"]
    names = [Path(d[0]).name for d in analysis.datas]
    assert "qtbase_en.qm" in names
    assert "docscrape.py" in names  # pyarrow.compute imports it
    assert not {"qtbase_de.qm", "api.h", "table.pxi"} & set(names)


def test_start_up_hooks_are_deferred_and_their_originals_archived(monkeypatch):
    calls, _ = run_spec(monkeypatch, "linux")
    for args, _kwargs in _Recorder.calls["EXE"]:
        names = [name for name, _, _ in args[1]]
        assert names == ["pyiboot01_bootstrap", "pyi_rth_deferred_hooks", "launch"]
    archived = {name: path for toc in calls["PYZ"][0][1:] for name, path, _ in toc}
    assert archived == {
        "_rostereditor_pyi_rth_pyside6": "/pyi/rthooks/pyi_rth_pyside6.py",
        "_rostereditor_pyi_rth_inspect": "/pyi/rthooks/pyi_rth_inspect.py",
        "_rostereditor_pyi_rth_pkgutil": "/pyi/rthooks/pyi_rth_pkgutil.py",
        "_rostereditor_pyi_rth_multiprocessing": "/pyi/rthooks/pyi_rth_multiprocessing.py",
    }


def test_build_stops_when_pyinstaller_no_longer_adds_a_deferred_hook(monkeypatch):
    monkeypatch.setattr(sys.modules[__name__], "SCRIPTS",
                        [entry for entry in SCRIPTS if entry[0] != "pyi_rth_pyside6"])
    with pytest.raises(SystemExit, match="pyi_rth_pyside6"):
        run_spec(monkeypatch, "linux")


def test_linux_leaves_the_desktop_libraries_to_the_system(monkeypatch):
    _, namespace = run_spec(monkeypatch, "linux")
    kept = [b[0] for b in namespace["a"].binaries]
    assert "libglib-2.0.so.0" not in kept
    assert "libxcb-cursor.so.0" in kept  # many desktops lack it: bundled


def test_windows_keeps_one_copy_of_each_package_dll(monkeypatch):
    _, namespace = run_spec(monkeypatch, "win32")
    kept = [b[0] for b in namespace["a"].binaries]
    assert "pyarrow\\arrow.dll" in kept
    assert "arrow.dll" not in kept
    assert "PySide6\\opengl32sw.dll" not in kept
    assert not any("qtuiotouchplugin" in name for name in kept)


def test_macos_bundle_carries_version_and_document_types(monkeypatch):
    calls, _ = run_spec(monkeypatch, "darwin")
    _, bundle = calls["BUNDLE"]
    plist = bundle["info_plist"]
    assert bundle["bundle_identifier"] == "org.rostereditor.RosterEditor"
    assert bundle["icon"].endswith("app-icon.icns")
    assert plist["CFBundleShortVersionString"] == __version__
    assert plist["NSHighResolutionCapable"] is True
    assert plist["NSRequiresAquaSystemAppearance"] is False
    zip_type = next(t for t in plist["CFBundleDocumentTypes"]
                    if "public.zip-archive" in t["LSItemContentTypes"])
    assert zip_type["LSHandlerRank"] == "Alternate"  # Open With, never the default for .zip
    assert calls["EXE"][1]["entitlements_file"].endswith("entitlements.plist")


def _imported_modules():
    # rostereditor.dataframes is the pandas API for scripts: build.spec leaves it out of the app.
    scripting_only = ROOT / "rostereditor" / "dataframes"
    for path in (ROOT / "rostereditor").rglob("*.py"):
        if scripting_only in path.parents:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                yield from ((alias.name, path) for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                yield node.module, path


def test_app_code_imports_nothing_the_spec_excludes(monkeypatch):
    # An excluded module the app starts using would only fail in the frozen build.
    calls, _ = run_spec(monkeypatch, "linux")
    excludes = calls["Analysis"][1]["excludes"]
    offenders = sorted(
        f"{path.relative_to(ROOT)} imports {module}"
        for module, path in _imported_modules()
        for excluded in excludes
        if module == excluded or module.startswith(excluded + ".")
    )
    assert not offenders, "remove these from build.spec EXCLUDES: " + "; ".join(offenders)


@pytest.mark.parametrize(("version", "build", "expected"), [
    ("0.1.0", "0", "0.1.0"), ("0.1.0", "812", "0.1.812"), ("2.10.3rc1", "70000", "2.10.70000")])
def test_macos_bundle_version_has_at_most_three_numbers(monkeypatch, version, build, expected):
    _, namespace = run_spec(monkeypatch, "darwin", build_number=build)
    assert namespace["mac_bundle_version"](version) == expected


@pytest.mark.parametrize(("build", "field"), [("7", 7), ("65535", 65535), ("65536", 65535), ("x", 0)])
def test_windows_build_field_never_overflows(monkeypatch, build, field):
    _, namespace = run_spec(monkeypatch, "linux", build_number=build)
    namespace["windows_version_info"]("1.2.3")
    captured = sys.modules["PyInstaller.utils.win32.versioninfo"].captured
    assert captured["FixedFileInfo"]["filevers"] == (1, 2, 3, field)


@pytest.mark.parametrize("version", ["0.1.0", "2.10.3rc1"])
def test_windows_version_numbers(monkeypatch, version):
    _, namespace = run_spec(monkeypatch, "linux")
    monkeypatch.undo()  # the real PyInstaller from here on
    # PyInstaller's version-resource module needs pefile and pywin32: Windows CI only.
    pytest.importorskip("pefile", exc_type=ImportError)
    pytest.importorskip("PyInstaller.utils.win32.versioninfo", exc_type=ImportError)
    info = namespace["windows_version_info"](version)
    major, minor = (int(part) for part in version.split(".")[:2])
    assert (info.ffi.fileVersionMS >> 16, info.ffi.fileVersionMS & 0xFFFF) == (major, minor)
    assert "ProductVersion" in str(info)
