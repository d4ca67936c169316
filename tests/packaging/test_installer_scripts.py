"""Static checks of the installer definitions that CI can only run on Windows and macOS."""

import plistlib
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ISS = (ROOT / "packaging" / "windows" / "rostereditor.iss").read_text(encoding="utf-8")


def _section(name):
    match = re.search(rf"^\[{name}\]\n(.*?)(?=^\[|\Z)", ISS, re.S | re.M)
    assert match, name
    return [line for line in match.group(1).splitlines() if line and not line.startswith(";")]


def test_installs_per_user_without_admin_by_default():
    setup = dict(line.split("=", 1) for line in _section("Setup"))
    assert setup["PrivilegesRequired"] == "lowest"
    assert "dialog" in setup["PrivilegesRequiredOverridesAllowed"]
    assert setup["DefaultDirName"].startswith("{autopf}")
    assert re.fullmatch(r"\{\{[0-9A-F-]{36}\}", setup["AppId"])
    assert setup["ChangesAssociations"] == "yes"


def test_desktop_icon_is_optional_and_start_menu_entry_exists():
    tasks = " ".join(_section("Tasks"))
    assert re.search(r'Name: "desktopicon";.*Flags: unchecked', tasks)
    icons = _section("Icons")
    assert any(line.startswith('Name: "{autoprograms}') for line in icons)
    assert all("Tasks: desktopicon" in line for line in icons if "{autodesktop}" in line)


def test_zip_is_offered_under_open_with_but_never_taken_over():
    registry = _section("Registry")
    zip_lines = [line for line in registry if "\\.zip" in line]
    assert zip_lines
    for line in zip_lines:
        assert "\\.zip\\OpenWithProgids" in line
        assert "uninsdeletevalue" in line
    assert not any(re.search(r'Subkey: "Software\\Classes\\\.zip"; ', line) for line in registry)


def test_whole_frozen_folder_is_installed_and_old_libraries_removed():
    assert any("recursesubdirs" in line and "{#DistDir}" in line for line in _section("Files"))
    assert any("{app}\\_internal" in line for line in _section("InstallDelete"))


def test_macos_plist_keys_parse():
    with open(ROOT / "packaging" / "macos" / "Info.plist", "rb") as handle:
        keys = plistlib.load(handle)
    assert keys["NSHighResolutionCapable"] is True
    assert all(t["LSHandlerRank"] == "Alternate" for t in keys["CFBundleDocumentTypes"])


def test_workflow_builds_every_platform_and_releases_on_tags():
    import yaml  # PyYAML is a test dependency: this check must run, not skip
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "build.yml").read_text("utf-8"))
    systems = {entry["os"] for entry in workflow["jobs"]["build"]["strategy"]["matrix"]["include"]}
    assert {"windows-2025", "macos-15", "macos-15-intel", "ubuntu-24.04"} <= systems
    assert "refs/tags/v" in workflow["jobs"]["release"]["if"]
    steps = " ".join(str(step.get("run", "")) for step in workflow["jobs"]["build"]["steps"])
    for needed in ("pytest", "build.spec", "smoke_test.py", "rostereditor.iss", "build_dmg.sh"):
        assert needed in steps


def test_open_with_writes_the_progid_value_and_uninstall_removes_it():
    # Explorer lists a ProgID under "Open with" only if a value of that name exists;
    # "ValueType: none" created the key alone, so nothing was ever offered.
    progid = re.search(r'#define ProgId "([^"]+)"', ISS).group(1)
    for extension in (".zip", ".csv"):
        (line,) = [line for line in _section("Registry") if f"\\{extension}\\OpenWithProgids" in line]
        fields = dict(part.strip().split(": ", 1) for part in line.split(";") if ": " in part)
        assert fields["ValueType"] == "string"
        assert fields["ValueName"] == '"{#ProgId}"'
        assert fields["ValueData"] == '""'
        assert {"uninsdeletevalue", "uninsdeletekeyifempty"} <= set(fields["Flags"].split())
    assert progid == "RosterEditor.Bundle"
