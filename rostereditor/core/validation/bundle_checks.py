"""The bundle as a whole: which files, the manifest, and the vendor's zip rules."""

from __future__ import annotations

from collections.abc import Callable

from rostereditor.core.bundle import Bundle
from rostereditor.core.manifest import FILE_MODES, MANIFEST_HEADER, SOURCE_KEYS
from rostereditor.core.oneroster_files import ALL_DATA_FILES, DATA_FILES, MANIFEST, manifest_key
from rostereditor.core.spec.model import OneRosterSpec
from rostereditor.core.spec.vendor_profile import Profile
from rostereditor.core.validation.finding import Finding
from rostereditor.core.validation.unlabelled_version_checks import unlabelled_version_finding

# add(rule, message, file, severity): records one bundle-level finding.
Add = Callable[..., None]


def bundle_findings(bundle: Bundle, spec: OneRosterSpec, profile: Profile) -> list[Finding]:
    found: list[Finding] = []
    version = spec.version
    who = profile.who

    def add(rule: str, message: str, file: str | None = None, severity: str = "error") -> None:
        found.append(Finding(file, None, None, rule, severity, message))  # type: ignore[arg-type]

    present = set(bundle.data_file_names)
    unlabelled = unlabelled_version_finding(bundle, version)
    if unlabelled is not None:
        found.append(unlabelled)
    if version not in profile.versions:
        add("vendor.version", f"{who} documents OneRoster {' or '.join(profile.versions)}, but "
            f"this bundle is checked as {version}.", severity="warning")
    required = [*spec.required_files, *profile.required_files]
    if spec.has_manifest and MANIFEST not in required:
        required.append(MANIFEST)
    for name in dict.fromkeys(required):
        if name not in bundle.files:
            if name == MANIFEST:
                add("bundle.no-manifest", f"manifest.csv is missing; a OneRoster {version} bundle "
                    "must have one. Saving generates it.")
            else:
                owner = who if name in profile.required_files else f"OneRoster {version}"
                add("bundle.missing-file", f"{name} is missing; {owner} requires it. Add it "
                    "(with at least its header row).", name)
    for name in sorted(present):
        if name not in spec.files:
            newer = name in ALL_DATA_FILES
            add("bundle.unknown-file", f"{name} is not a OneRoster {version} file"
                + (" (it belongs to a later version)" if newer else "")
                + ". Remove it or check the OneRoster version.", name, "warning")
        elif len(bundle.files[name].table) == 0:
            _header_only(bundle, name, profile, add)
    if spec.has_manifest and MANIFEST in bundle.files:
        found.extend(_manifest_findings(bundle, version, present))
    found.extend(_zip_findings(bundle, profile))
    for name in sorted(present):
        if profile.bulk_only and name in spec.files and bundle.mode(name) == "delta":
            add("vendor.bulk-only", f"{who} accepts only bulk files, but {name} is delta. Send the "
                "complete data with blank status and dateLastModified.", name)
    return found


def _header_only(bundle: Bundle, name: str, profile: Profile, add: Add) -> None:
    if profile.header_only_files == "forbidden":
        add("bundle.header-only-file", f"{name} has a header row but no records; OneRoster does "
            "not allow empty files. Delete it (the manifest then marks it absent) or add records.",
            name)


def _manifest_findings(bundle: Bundle, version: str, present: set[str]) -> list[Finding]:
    table = bundle.files[MANIFEST].table
    found: list[Finding] = []

    def add(rule: str, message: str, line: int | None = None, value: str | None = None,
            *, fix: str | None = None, severity: str = "error") -> None:
        found.append(Finding(MANIFEST, line, "value" if value is not None else None, rule,
                             severity, message, value, fix=fix))  # type: ignore[arg-type]

    if tuple(table.header) != MANIFEST_HEADER:
        add("manifest.header", f"The manifest header is \"{','.join(table.header)}\"; it must be "
            "exactly propertyName,value.", 1)
    lines: dict[str, tuple[int | None, str]] = {}
    for row in range(len(table)):
        values = table.row_values(row)
        if values:
            lines.setdefault(values[0], (table.source_line(row), values[1] if len(values) > 1
                                         else ""))
    known = {"manifest.version", "oneroster.version", *SOURCE_KEYS,
             *(manifest_key(n) for n in DATA_FILES.get(version, ()))}
    for key in ("manifest.version", "oneroster.version",
                *(manifest_key(n) for n in DATA_FILES.get(version, ()))):
        if key not in lines:
            add("manifest.missing-property", f"The manifest has no {key} row. Add it (saving "
                "regenerates the manifest).")
    for key, (line, value) in lines.items():
        if key == "manifest.version" and value != "1.0":
            add("manifest.version", f"manifest.version is \"{value}\" but must be 1.0 (it is the "
                "manifest format's version, not OneRoster's).", line, value, fix="1.0")
        elif key == "oneroster.version" and value not in ("1.1", "1.2"):
            add("manifest.oneroster-version", f"oneroster.version is \"{value}\"; it must be 1.1 "
                "or 1.2.", line, value, fix=value.strip() if value.strip() in ("1.1", "1.2")
                else None)
        elif key.startswith("file."):
            file = key.removeprefix("file.") + ".csv"
            if value not in ("absent", *FILE_MODES):
                add("manifest.bad-value", f"{key} is \"{value}\"; it must be absent, bulk or "
                    "delta.", line, value, fix=value.strip() if value.strip() in
                    ("absent", *FILE_MODES) else None)
            elif value == "absent" and file in present:
                add("manifest.file-mismatch", f"The manifest says {file} is absent, but the "
                    "bundle contains it. Set it to bulk or delta.", line, value)
            elif value != "absent" and file not in present:
                add("manifest.file-mismatch", f"The manifest lists {file} as {value}, but the "
                    "bundle does not contain it. Set it to absent or add the file.", line, value)
        elif key not in known:
            add("manifest.unknown-property", f"\"{key}\" is not a manifest property OneRoster "
                f"{version} defines. Remove the row.", line, severity="warning")
    return found


def _zip_findings(bundle: Bundle, profile: Profile) -> list[Finding]:
    found: list[Finding] = []
    who = profile.who
    if profile.zip_name and bundle.source_kind == "zip" and bundle.source is not None \
            and bundle.source.name != profile.zip_name:
        found.append(Finding(None, None, None, "vendor.zip-name", "error",
                             f"{who} only accepts a zip named {profile.zip_name}; this one is "
                             f"{bundle.source.name}. Save the bundle under that name."))
    if profile.max_zip_bytes and bundle.source_kind == "zip" and bundle.source is not None:
        try:
            size = bundle.source.stat().st_size
        except OSError:
            size = 0
        if size > profile.max_zip_bytes:
            found.append(Finding(None, None, None, "vendor.zip-size", "error",
                                 f"{who} accepts zips up to {profile.max_zip_bytes // 1024**2} MB;"
                                 f" this one is {size // 1024**2} MB."))
    return found
