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


class _Recorder:
    """Stands in for one PyInstaller build target and remembers how it was called."""

    calls: ClassVar[dict[str, tuple]] = {}

    def __init__(self, *args, **kwargs):
        type(self).calls[type(self).__name__] = (args, kwargs)
        self.pure, self.scripts = [], []
        self.binaries = [("libarrow_flight.so", "/x", "BINARY"), ("libQt6Core.so.6", "/y", "BINARY")]
        self.datas = [*kwargs.get("datas", []),
                      ("PySide6/Qt/translations/qtbase_de.qm", "/z", "DATA"),
                      ("PySide6/Qt/translations/qtbase_en.qm", "/z", "DATA")]


def _target(name):
    return type(name, (_Recorder,), {})


def run_spec(monkeypatch, platform):
    """Execute build.spec as PyInstaller would, with recording stand-ins for its classes."""
    _Recorder.calls = {}
    hooks = types.ModuleType("PyInstaller.utils.hooks")
    hooks.collect_submodules = lambda package: [f"{package}.cli.pack_command"]
    for name, module in {
        "PyInstaller": types.ModuleType("PyInstaller"),
        "PyInstaller.utils": types.ModuleType("PyInstaller.utils"),
        "PyInstaller.utils.hooks": hooks,
    }.items():
        monkeypatch.setitem(sys.modules, name, module)
    monkeypatch.setattr(sys, "platform", platform)
    namespace = {"SPECPATH": str(ROOT), "__file__": str(SPEC)}
    for name in ("Analysis", "PYZ", "EXE", "COLLECT", "BUNDLE"):
        namespace[name] = _target(name)
    exec(compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec"), namespace)
    return _Recorder.calls, namespace


def test_spec_compiles():
    compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec")


def test_linux_build_is_a_windowed_onedir_without_upx(monkeypatch):
    calls, namespace = run_spec(monkeypatch, "linux")
    _, exe = calls["EXE"]
    assert exe["exclude_binaries"] is True  # onedir
    assert exe["console"] is False
    assert exe["upx"] is False
    assert exe["name"] == "RosterEditor"
    assert calls["COLLECT"][1]["upx"] is False
    assert "BUNDLE" not in calls
    assert namespace["VERSION"] == __version__


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
    assert [b[0] for b in analysis.binaries] == ["libQt6Core.so.6"]
    names = [Path(d[0]).name for d in analysis.datas]
    assert "qtbase_en.qm" in names
    assert "qtbase_de.qm" not in names


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
    for path in (ROOT / "rostereditor").rglob("*.py"):
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
