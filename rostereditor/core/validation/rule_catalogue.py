"""Every rule the validator can report, explained in one place (`rostereditor rules` prints it)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RuleDoc:
    rule: str
    title: str
    severity: str
    explanation: str
    how_to_fix: str


_R = RuleDoc
RULES: tuple[RuleDoc, ...] = (
    # What the reader noticed while opening the files.
    _R("read.encoding-converted", "File was not UTF-8", "warning",
       "The file was saved in another character set (often by Excel's plain CSV) and was converted.",
       "Check accented names; saving writes UTF-8."),
    _R("read.undecodable-byte", "Unreadable characters", "warning",
       "Some bytes could not be read as text in any known character set.",
       "Check the names on the lines shown and retype damaged characters."),
    _R("read.bom", "Byte order mark", "info",
       "The file starts with an invisible UTF-8 marker (BOM). It is allowed but some importers choke.",
       "Nothing to do; saving writes the file without it."),
    _R("read.ragged-record", "Wrong number of values", "error",
       "A record has more or fewer values than the header has columns, often a stray or missing "
       "comma.", "Fix the record so each value sits under the right column."),
    _R("read.blank-line", "Blank line", "warning", "A line in the file is empty.",
       "Delete the row."),
    _R("read.blank-header", "Column without a name", "error",
       "A column has no name in the header row, often a trailing comma left by Excel.",
       "Name the column or delete it if it is empty."),
    _R("read.duplicate-header", "Column name used twice", "error",
       "Two columns have the same name, so an importer cannot tell which one to use.",
       "Rename or delete one of them."),
    _R("read.file-name-case", "File name in the wrong case", "error",
       "OneRoster file names are case-sensitive (users.csv, academicSessions.csv).",
       "Saving writes the file under the right name."),
    _R("read.zip-folder", "Files inside a folder in the zip", "warning",
       "OneRoster requires the CSV files at the top of the zip, not inside a folder.",
       "Saving puts the files at the root of the zip."),
    _R("read.malformed-quotes", "Stray or unclosed double quote", "error",
       "A value has a double quote that does not close, so where the value ends is a guess.",
       "Check the record and the ones after it; remove the stray quote."),
    _R("read.nul-byte", "NUL byte in the file", "error",
       "The file contains a NUL character, a sign of damage or a non-text file.",
       "Find the value and delete the invisible character."),
    _R("read.empty-file", "Empty file", "error", "The file has no header row at all.",
       "Delete the file or add the header row the spec defines."),
    _R("read.skipped-member", "Not a CSV file", "info",
       "A file that is not CSV was found and ignored.", "Nothing to do."),
    # The bundle as a whole.
    _R("bundle.missing-file", "Required file missing", "error",
       "The OneRoster version or the vendor needs a file the bundle does not have.",
       "Add the file (at least its header row), or pick the right version or vendor."),
    _R("bundle.unknown-file", "File OneRoster does not define", "warning",
       "The bundle contains a CSV file that is not part of this OneRoster version.",
       "Remove it, or check the OneRoster version."),
    _R("bundle.no-manifest", "manifest.csv missing", "error",
       "OneRoster 1.1 and 1.2 bundles must contain manifest.csv; without one the bundle counts as "
       "1.0.", "Saving generates a manifest."),
    _R("bundle.newer-without-manifest", "No manifest.csv, but the files are 1.1 or 1.2", "error",
       "Without manifest.csv a bundle is read as OneRoster 1.0, yet files or columns that only "
       "1.1/1.2 have are present, so the other findings are probably about the wrong version.",
       "Choose the right OneRoster version in the toolbar (or --oneroster on the command line); "
       "saving then writes manifest.csv."),
    _R("bundle.header-only-file", "File with a header and no records", "error",
       "The spec does not allow files without records (some vendors require them).",
       "Delete the file (the manifest then marks it absent) or add its records."),
    _R("manifest.header", "manifest.csv header wrong", "error",
       "The manifest's header must be exactly propertyName,value.",
       "Change the header to propertyName,value."),
    _R("manifest.missing-property", "manifest property missing", "error",
       "A property the manifest must list is not there.", "Add the property; saving regenerates it."),
    _R("manifest.version", "manifest.version is not 1.0", "error",
       "manifest.version is the version of the manifest format and is always 1.0 (Excel often "
       "turns it into 1).", "Set it to 1.0."),
    _R("manifest.oneroster-version", "Unknown OneRoster version", "error",
       "oneroster.version must be 1.1 or 1.2.", "Set it to the version the files follow."),
    _R("manifest.bad-value", "manifest value not allowed", "error",
       "A file.* property must be absent, bulk or delta; values must not be blank.",
       "Set it to absent, bulk or delta."),
    _R("manifest.file-mismatch", "manifest and files disagree", "error",
       "The manifest says a file is absent but it is there, or lists it but it is missing.",
       "Fix the manifest entry (saving regenerates it from the files)."),
    _R("manifest.unknown-property", "Unknown manifest property", "warning",
       "The manifest lists a property OneRoster does not define.", "Remove it."),
    _R("vendor.zip-name", "Vendor needs a specific zip name", "error",
       "This vendor only accepts a zip with one exact name.", "Save the bundle under that name."),
    _R("vendor.zip-size", "Zip too large for the vendor", "error",
       "The zip is bigger than the vendor accepts.", "Split the upload or remove unneeded files."),
    _R("vendor.bulk-only", "Vendor accepts bulk files only", "error",
       "This vendor does not accept delta files.",
       "Send the complete data as bulk (blank status and dateLastModified)."),
    _R("vendor.version", "Vendor expects another OneRoster version", "warning",
       "This vendor documents a different OneRoster version than the bundle's.",
       "Export the version the vendor asks for."),
    # Header rows.
    _R("header.missing-column", "Column missing", "error",
       "A column the spec defines is not in the header; every defined column must be present, "
       "even when empty.", "Add the column in its place (values may be blank if optional)."),
    _R("header.misspelled-column", "Column name misspelled", "error",
       "A column name differs from the spec's spelling (names are case-sensitive).",
       "Rename the column to the suggested name."),
    _R("header.unknown-column", "Column OneRoster does not define", "error",
       "Extra columns must be named metadata.something.",
       "Rename it to metadata.<name> and move it to the end, or delete it."),
    _R("header.extension-position", "metadata column not at the end", "error",
       "metadata.* columns are allowed only to the right of all defined columns.",
       "Move the column to the end."),
    _R("header.column-order", "Columns in the wrong order", "error",
       "The columns must appear in exactly the spec's order.", "Move the columns into order."),
    _R("header.bom", "First column name damaged by a BOM", "error",
       "The first column name starts with invisible characters left by a byte order mark.",
       "Rename the column to the suggested name."),
    # Values.
    _R("value.required", "Required value missing", "error",
       "This column must have a value on every record.", "Fill in the value."),
    _R("value.enum", "Value not in the allowed list", "error",
       "The column accepts only the listed values, in exactly that case.",
       "Pick one of the allowed values."),
    _R("value.date", "Not a date in YYYY-MM-DD form", "error",
       "Dates must be written YYYY-MM-DD, e.g. 2024-08-15.", "Rewrite the date."),
    _R("value.datetime", "Not a date and time", "error",
       "Date-times must be written like 2024-08-15T10:00:00.000Z.", "Rewrite the date and time."),
    _R("value.datetime-no-time", "Date without a time", "warning",
       "The spec asks for a date and time in UTC; this has only the date.",
       "Add the time, e.g. T00:00:00Z."),
    _R("value.year", "Not a four-digit year", "error", "Years are written YYYY, e.g. 2025.",
       "Rewrite the year."),
    _R("value.boolean", "Not true or false", "error",
       "The column accepts only true or false, in lowercase.", "Write true or false."),
    _R("value.number", "Not a number", "error", "The column must hold a number.",
       "Write a plain number like 12 or 12.5."),
    _R("value.grade", "Not a grade code", "error",
       "Grades must be CEDS codes: IT, PR, PK, TK, KG, 01-13, PS, UG, Other.",
       "Use the code, with its leading zero (09, not 9)."),
    _R("value.guid", "Identifier has characters or length not allowed", "error",
       "sourcedIds may use letters, digits and . - _ / @, fewer than 256 characters.",
       "Remove the other characters here and everywhere the ID is used."),
    _R("value.whitespace", "Spaces before or after the value", "error",
       "Leading or trailing spaces make IDs, usernames and emails fail to match.",
       "Remove the spaces."),
    _R("value.line-break", "Line break inside a value", "error",
       "OneRoster forbids line breaks inside values.", "Remove the line break."),
    _R("value.list", "Badly formed list", "error",
       "A list has an empty item, e.g. a doubled or trailing comma.", "Remove the extra comma."),
    _R("value.user-ids", "userIds not written {Type:Id}", "error",
       "Each userIds item must be written {Type:Id}, e.g. {LDAP:jsmith}.",
       "Rewrite the items in that form."),
    _R("value.email", "Not an email address", "warning",
       "The email column should hold one address like jsmith@example.org.", "Fix the address."),
    _R("value.list-lengths-differ", "subjects and subjectCodes of different lengths", "error",
       "When both lists are filled they must have the same number of items, matched by position: "
       "the first code belongs to the first subject, and so on.",
       "Add or remove items so the lists line up, or clear the one you cannot fill."),
    _R("mode.bulk-filled", "status or dateLastModified filled in a bulk file", "error",
       "In a bulk file status and dateLastModified must be blank.",
       "Clear them, or send the file as delta."),
    _R("mode.delta-blank", "status or dateLastModified blank in a delta file", "error",
       "In a delta file every record needs status and dateLastModified.", "Fill them in."),
    # Excel damage.
    _R("excel.scientific-notation", "ID turned into scientific notation", "error",
       "Excel rewrote a long number as 1.23E+11; the original digits are lost.",
       "Copy the ID again from the source system; edit roster files in RosterEditor, not Excel."),
    _R("excel.lost-leading-zeros", "ID lost its leading zeros", "error",
       "The ID is shorter than the column's other zero-padded IDs; Excel drops leading zeros.",
       "Put the zeros back (the suggested value)."),
    _R("excel.boolean-case", "TRUE/FALSE in capitals", "error",
       "Excel writes TRUE and FALSE; OneRoster values are case-sensitive.",
       "Write true or false in lowercase."),
    _R("excel.locale-date", "Date in spreadsheet form", "error",
       "Excel re-saved a YYYY-MM-DD date as 8/27/2018.", "Rewrite it as YYYY-MM-DD."),
    _R("excel.grade-leading-zero", "Grade lost its leading zero", "error",
       "Excel turned grade 09 into 9.", "Write the two-digit code, e.g. 09."),
    _R("excel.replacement-character", "Character replaced by _ or ?", "warning",
       "Saving as plain CSV replaces letters like é with _ (or an unreadable mark).",
       "Retype the name with the right letters."),
    _R("excel.trailing-empty-columns", "Empty columns at the end", "warning",
       "Columns with no name and no values at the end of the file, left by Excel.",
       "Delete those columns."),
    # Across records and files.
    _R("unique.sourced-id", "sourcedId used more than once", "error",
       "Each record's sourcedId must be unique in its file.", "Give each record its own ID."),
    _R("unique.demographics-user", "More than one demographics row for a user", "error",
       "demographics.csv has one row per user.", "Merge or delete the extra rows."),
    _R("ref.unresolved", "Points at a record that is not there", "error",
       "The value must be the sourcedId of a record in the target file (a warning in delta files, "
       "whose targets may have been sent before).",
       "Fix the ID, or add the missing record to the target file."),
    _R("ref.wrong-type", "Points at the wrong kind of record", "error",
       "The referenced record exists but has the wrong type (e.g. a district where a school is "
       "needed).", "Point at a record of the right type."),
    _R("class.primary-teachers", "More than one primary teacher", "warning",
       "A class should have one primary teacher.", "Set primary to false for all but one."),
    _R("enrollment.outside-term", "Enrollment dates outside the class's terms", "warning",
       "An enrollment's beginDate or endDate should fall inside the terms its class lists "
       "(from the earliest term's startDate to the latest term's endDate; end dates are the day "
       "after the last day).",
       "Change the enrollment date, or fix the class's termSourcedIds or the terms' dates."),
    # Vendor rules.
    _R("vendor.id-format", "ID not accepted by the vendor", "error",
       "The vendor limits the characters or length of IDs.",
       "Change the ID here and everywhere it is used."),
    _R("vendor.max-length", "Value too long for the vendor", "error",
       "The vendor accepts at most a certain number of characters in this column.",
       "Shorten the value."),
    _R("vendor.role", "Role not accepted by the vendor", "error",
       "The vendor accepts only some roles.", "Change the role or leave the user out."),
    _R("vendor.required-value", "Vendor needs this value", "error",
       "The vendor requires this column to be filled although the spec does not.",
       "Fill in the value."),
    _R("vendor.required-for-role", "Vendor needs this value for this role", "error",
       "The vendor requires a column to be filled for users of a certain role (ST Math: every "
       "student needs grades), although the spec leaves it optional.",
       "Fill in the value, e.g. the student's grade code."),
    _R("vendor.grade", "Grade not accepted by the vendor", "error",
       "The vendor accepts only certain grade codes.", "Use one of the vendor's codes."),
)

_BY_ID = {r.rule: r for r in RULES}


def rules_catalogue() -> list[RuleDoc]:
    return list(RULES)


def rule_doc(rule: str) -> RuleDoc | None:
    return _BY_ID.get(rule)
