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


def _workflow():
    import yaml
    return yaml.safe_load((ROOT / ".github" / "workflows" / "build.yml").read_text("utf-8"))


def test_release_is_a_draft_with_checksums_and_the_linux_archive():
    release = _workflow()["jobs"]["release"]["steps"]
    publish = next(step for step in release if "action-gh-release" in step.get("uses", ""))
    assert publish["with"]["draft"] is True
    files = publish["with"]["files"]
    for pattern in ("*.exe", "*.dmg", "*.tar.xz", "SHA256SUMS.txt"):
        assert pattern in files
    assert any("sha256sum" in step.get("run", "") for step in release)


def test_workflow_actions_run_on_node_24():
    # First majors whose action.yml says `using: node24` (their release notes).
    node24 = {"actions/checkout": 5, "actions/setup-python": 6, "actions/upload-artifact": 6,
              "actions/download-artifact": 7, "softprops/action-gh-release": 3}
    used = [step["uses"] for job in _workflow()["jobs"].values() for step in job["steps"] if "uses" in step]
    assert used
    for action in used:
        name, version = action.split("@")
        assert int(version.lstrip("v")) >= node24[name], action


def test_every_install_uses_the_release_constraints():
    steps = " ".join(str(step.get("run", "")) for step in _workflow()["jobs"]["build"]["steps"])
    assert "-c packaging/constraints.txt" in steps
    assert "==" not in steps  # no second set of pins in the workflow
    for script in (".ci/run", "packaging/linux/build_and_self_test.sh"):
        text = (ROOT / script).read_text(encoding="utf-8")
        assert "-c packaging/constraints.txt" in text, script
        assert "pyinstaller>=" not in text.lower(), script


def test_constraints_pin_every_release_dependency_exactly():
    lines = [line.split(";")[0].strip() for line in
             (ROOT / "packaging" / "constraints.txt").read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    pinned = {line.split("==")[0].lower() for line in lines}
    assert all("==" in line for line in lines)
    assert {"pyside6-essentials", "shiboken6", "pyarrow", "numpy", "openpyxl", "xlsxwriter",
            "pyinstaller", "pyinstaller-hooks-contrib"} <= pinned
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert "pyinstaller==" not in pyproject.lower()  # pinned once, here


def test_dmg_requires_developer_id_and_hardened_runtime_and_uses_lzma():
    script = (ROOT / "packaging" / "macos" / "build_dmg.sh").read_text(encoding="utf-8")
    assert "-format ULMO" in script
    assert "spctl --assess --type execute" in script
    # Two separate checks, each fatal: an either-or grep let a half-signed app through.
    assert "Authority=Developer ID Application:" in script
    assert "runtime" in script
    assert 'grep -E "Authority=Developer ID Application|flags=.*runtime"' not in script
    freeze = next(step for step in _workflow()["jobs"]["build"]["steps"]
                  if step.get("name", "").startswith("Freeze"))
    assert freeze["env"]["PYINSTALLER_STRICT_BUNDLE_CODESIGN_ERROR"] == "1"


def test_package_queries_name_the_native_architecture():
    # `dpkg -s NAME` is ambiguous once i386 packages are installed (Wine) and then reinstalls.
    for script in (".ci/run", "packaging/linux/build_and_self_test.sh",
                   "packaging/windows/check_under_wine.sh"):
        text = (ROOT / script).read_text(encoding="utf-8")
        assert "dpkg -s" not in text, script
        assert "dpkg --print-architecture" in text, script
