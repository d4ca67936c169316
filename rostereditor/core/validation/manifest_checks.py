"""manifest.csv itself: header, one property per two-cell row, each once, with allowed values."""

from __future__ import annotations

from rostereditor.core.bundle import Bundle
from rostereditor.core.manifest import FILE_MODES, MANIFEST_HEADER, SOURCE_KEYS
from rostereditor.core.oneroster_files import DATA_FILES, MANIFEST, manifest_key
from rostereditor.core.spec.version_detection import declared_version
from rostereditor.core.validation.finding import Finding, Severity


def manifest_findings(bundle: Bundle, version: str, present: set[str]) -> list[Finding]:
    table = bundle.files[MANIFEST].table
    found: list[Finding] = []

    def add(rule: str, message: str, line: int | None = None, value: str | None = None,
            *, fix: str | None = None, severity: Severity = "error",
            column: str | None = None) -> None:
        where = column or ("value" if value is not None else None)
        found.append(Finding(MANIFEST, line, where, rule, severity, message, value, fix=fix))

    if tuple(table.header) != MANIFEST_HEADER:
        add("manifest.header", f"The manifest header is \"{','.join(table.header)}\"; it must be "
            "exactly propertyName,value.", 1)
    lines: dict[str, tuple[int | None, str]] = {}
    for row in range(len(table)):
        values = table.row_values(row)
        line = table.source_line(row)
        if not values or values == [""]:
            add("read.blank-line", "This line of the manifest is blank. Delete it.", line,
                severity="warning")
            continue
        if len(values) != 2:
            add("manifest.row-width", f"This manifest row has {len(values)} cells "
                f"({','.join(values)}); each row is exactly a property name and its value. "
                "Fix the row (saving from RosterEditor rewrites the manifest).", line)
        key = values[0]
        if key in lines:
            first = lines[key][0]
            add("manifest.duplicate-property", f"{key} is listed twice (lines {first} and "
                f"{line}); each property appears once, so an importer cannot tell which value "
                "counts. Delete one of the rows.", line, column="propertyName")
            continue
        lines[key] = (line, values[1] if len(values) > 1 else "")
    known = {"manifest.version", "oneroster.version", *SOURCE_KEYS,
             *(manifest_key(n) for n in DATA_FILES.get(version, ()))}
    for key in ("manifest.version", "oneroster.version",
                *(manifest_key(n) for n in DATA_FILES.get(version, ()))):
        if key not in lines:
            add("manifest.missing-property", f"The manifest has no {key} row. Add it (saving "
                "from RosterEditor writes the manifest).")
    for key, (line, value) in lines.items():
        if key == "manifest.version" and value != "1.0":
            add("manifest.version", f"manifest.version is \"{value}\" but must be 1.0 (it is the "
                "manifest format's version, not OneRoster's).", line, value, fix="1.0")
        elif key == "oneroster.version" and value not in ("1.1", "1.2"):
            meant = declared_version(value)
            add("manifest.oneroster-version", f"oneroster.version is \"{value}\"; it must be "
                "written exactly 1.1 or 1.2"
                + (f". It is read as {meant} and the files are checked as {meant}; write "
                   f"{meant}." if meant else "."), line, value, fix=meant)
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
