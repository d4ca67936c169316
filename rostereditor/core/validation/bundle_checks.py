"""The bundle as a whole: which files, the manifest, and the vendor's zip and file rules."""

from __future__ import annotations

from collections.abc import Callable

from rostereditor.core.bundle import Bundle
from rostereditor.core.oneroster_files import ALL_DATA_FILES, MANIFEST
from rostereditor.core.spec.model import OneRosterSpec
from rostereditor.core.spec.vendor_profile import Profile
from rostereditor.core.validation.finding import Finding, Severity
from rostereditor.core.validation.manifest_checks import manifest_findings
from rostereditor.core.validation.missing_target_checks import missing_target_findings
from rostereditor.core.validation.unlabelled_version_checks import (
    missing_manifest_message,
    unlabelled_version_finding,
)


def bundle_findings(bundle: Bundle, spec: OneRosterSpec, profile: Profile) -> list[Finding]:
    found: list[Finding] = []
    version = spec.version
    who = profile.who

    def add(rule: str, message: str, file: str | None = None,
            severity: Severity = "error") -> None:
        found.append(Finding(file, None, None, rule, severity, message))

    present = set(bundle.data_file_names)
    unlabelled = unlabelled_version_finding(bundle, version)
    if unlabelled is not None:
        found.append(unlabelled)
    if version not in profile.versions:
        if profile.rejects_other_versions:
            add("vendor.version", f"{who} accepts OneRoster {' or '.join(profile.versions)} "
                f"only, and this bundle is OneRoster {version}. Export OneRoster "
                f"{profile.versions[-1]} from your system for {who}.")
        else:
            add("vendor.version", f"{who} documents OneRoster {' or '.join(profile.versions)}, "
                f"but this bundle is checked as {version}.", severity="warning")
    required = _required_files(spec, profile)
    for name in required:
        if name not in bundle.files:
            if name == MANIFEST:
                add("bundle.no-manifest", missing_manifest_message(bundle, version))
            else:
                owner = who if name in profile.required_files else f"OneRoster {version}"
                content = "at least its header row" if profile.header_only_files != \
                    "forbidden" else "its records"
                add("bundle.missing-file", f"{name} is missing; {owner} requires it. Add it "
                    f"(with {content}).", name)
    for name in sorted(present):
        if name not in spec.files:
            newer = name in ALL_DATA_FILES
            add("bundle.unknown-file", f"{name} is not a OneRoster {version} file"
                + (" (it belongs to another version)" if newer else "")
                + ", and importers reject files they do not expect. Remove it, or check the "
                "OneRoster version.", name)
        elif len(bundle.files[name].table) == 0:
            _header_only(name, spec, profile, name in required, add)
    if spec.has_manifest and MANIFEST in bundle.files:
        found.extend(manifest_findings(bundle, version, present))
    found.extend(_vendor_file_findings(present, profile))
    found.extend(_zip_findings(bundle, profile))
    if profile.bulk_only and spec.has_manifest:
        for name in sorted(present):
            if name in spec.files and bundle.mode(name) == "delta":
                add("vendor.bulk-only", f"{who} accepts only bulk files, but {name} is delta. "
                    "Send the complete data with blank status and dateLastModified.", name)
    found.extend(missing_target_findings(bundle, spec))
    return found


def _required_files(spec: OneRosterSpec, profile: Profile) -> list[str]:
    required = [*spec.required_files, *profile.required_files]
    if spec.has_manifest and MANIFEST not in required:
        required.append(MANIFEST)
    return list(dict.fromkeys(required))


def _header_only(name: str, spec: OneRosterSpec, profile: Profile, required: bool,
                 add: Callable[[str, str, str | None], None]) -> None:
    if profile.header_only_files != "forbidden":
        return
    if required:  # never advise deleting a file that must be there
        owner = profile.who if name in profile.required_files else f"OneRoster {spec.version}"
        add("bundle.header-only-file", f"{name} has a header row but no records. {owner} "
            "requires this file and OneRoster does not allow empty files, so add its records.",
            name)
    elif spec.has_manifest:
        add("bundle.header-only-file", f"{name} has a header row but no records; OneRoster "
            "does not allow empty files. Delete it (the manifest then marks it absent) or add "
            "records.", name)
    else:
        add("bundle.header-only-file", f"{name} has a header row but no records; OneRoster "
            "does not allow empty files. Delete it or add records.", name)


def _vendor_file_findings(present: set[str], profile: Profile) -> list[Finding]:
    found: list[Finding] = []
    who = profile.who
    for group in profile.file_groups:
        have = [name for name in group if name in present]
        if have and len(have) < len(group):
            missing = [name for name in group if name not in present]
            found.append(Finding(
                missing[0], None, None, "vendor.file-group", "error",
                f"{who} needs {', '.join(group)} together or none of them; this bundle has "
                f"{', '.join(have)} but not {', '.join(missing)}. Add "
                f"{'it' if len(missing) == 1 else 'them'}, or leave out the others."))
    for name in profile.recommended_files:
        if name not in present:
            found.append(Finding(name, None, None, "vendor.recommended-file", "info",
                                 f"{who} strongly recommends {name}; this bundle has none."))
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
