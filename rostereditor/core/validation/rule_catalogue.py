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
    _R("read.encoding-converted", "File is not UTF-8", "error",
       "The file was saved in another character set (often by Excel's plain CSV). RosterEditor "
       "converted it to show it, but OneRoster requires UTF-8 and vendors reject or garble the "
       "file as it is (spec 3).",
       "Check accented names, then save from RosterEditor: it writes UTF-8."),
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
    _R("read.zip-folder", "Files inside a folder in the zip", "error",
       "OneRoster requires the CSV files at the top of the zip, not inside a folder (spec 2.2); "
       "vendors reject the zip as it is.",
       "Save from RosterEditor: it puts the files at the top of the zip."),
    _R("read.malformed-quotes", "Stray or unclosed double quote", "error",
       "A value has a double quote that does not close, so where the value ends is a guess.",
       "Check the record and the ones after it; remove the stray quote."),
    _R("read.stray-quote", "Double quote inside an unquoted value", "error",
       "A value that does not start with a double quote contains one (x,ab\"c,d). RFC 4180 "
       "allows quotes only around a whole value, doubled inside it; importers read such a line "
       "differently (some swallow the rest of it).",
       "Save from RosterEditor (it quotes the value correctly), or remove the quote."),
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
    _R("bundle.unknown-file", "File OneRoster does not define", "error",
       "The bundle contains a CSV file that is not part of this OneRoster version; the files "
       "sent must be those the manifest lists, so importers report an error (spec 2.3).",
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
       "The spec does not allow files without records (some vendors require them, and then it "
       "is not reported).",
       "Add its records; or, when neither OneRoster nor the vendor requires the file, delete "
       "it (the manifest then marks it absent)."),
    _R("manifest.header", "manifest.csv header wrong", "error",
       "The manifest's header must be exactly propertyName,value.",
       "Change the header to propertyName,value."),
    _R("manifest.missing-property", "manifest property missing", "error",
       "A property the manifest must list is not there.", "Add the property; saving regenerates it."),
    _R("manifest.version", "manifest.version is not 1.0", "error",
       "manifest.version is the version of the manifest format and is always 1.0 (Excel often "
       "turns it into 1).", "Set it to 1.0."),
    _R("manifest.oneroster-version", "oneroster.version not written 1.1 or 1.2", "error",
       "oneroster.version must be exactly 1.1 or 1.2. A value like v1.2 or 1.2.1 is read as "
       "the version it names (and the files are checked as that version), but importers "
       "compare the text.", "Write 1.1 or 1.2."),
    _R("manifest.duplicate-property", "manifest property listed twice", "error",
       "Each manifest property appears once; with two rows an importer cannot tell which "
       "value counts.", "Delete one of the rows."),
    _R("manifest.row-width", "manifest row without exactly two cells", "error",
       "Every manifest row is a property name and its value: two cells.",
       "Fix the row; saving from RosterEditor rewrites the manifest."),
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
       "This vendor documents a different OneRoster version than the bundle's (an error for "
       "vendors that state they accept only theirs: Naviance 1.1, Renaissance 1.0 or 1.1).",
       "Export the version the vendor asks for."),
    _R("vendor.file-group", "Vendor needs these files together", "error",
       "The vendor needs some files all together or none of them (ClassLink: resources, "
       "classResources and courseResources).", "Add the missing files, or leave out the others."),
    _R("vendor.recommended-file", "File the vendor strongly recommends", "info",
       "The vendor strongly recommends a file the bundle does not have (ClassLink: "
       "demographics.csv).", "Add it if you can."),
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
    _R("value.datetime-no-time", "Date without a time", "error",
       "DateTimes must contain the UTC time zone (spec 3); this has only the date. Accepted for "
       "OneRoster 1.0 and for vendors that document YYYY-MM-DD (Renaissance, Apple).",
       "Add the time, e.g. T00:00:00Z."),
    _R("value.datetime-utc", "Date and time not in UTC", "error",
       "DateTimes must be in UTC, written with Z (spec 3); +02:00 is a local time.",
       "Use the suggested UTC time (the same moment, written with Z)."),
    _R("value.impossible-date", "A day the month does not have", "error",
       "The date is written correctly but does not exist (30 February, 31 April, 29 February "
       "outside a leap year).", "Check the date in the source system."),
    _R("value.year", "Not a four-digit year", "error", "Years are written YYYY, e.g. 2025.",
       "Rewrite the year."),
    _R("value.boolean", "Not true or false", "error",
       "The column accepts only true or false, in lowercase.", "Write true or false."),
    _R("value.number", "Not a number", "error", "The column must hold a number.",
       "Write a plain number like 12 or 12.5."),
    _R("value.grade", "Not a grade code", "error",
       "In OneRoster 1.0 and 1.1 grades must be CEDS codes: IT, PR, PK, TK, KG, 01-13, PS, UG, "
       "Other. OneRoster 1.2 leaves the codes to the vendor's profile.",
       "Use the code, with its leading zero (09, not 9)."),
    _R("value.guid", "Identifier has characters or length not allowed", "error",
       "sourcedIds may use letters, digits and . - _ / @, fewer than 256 characters.",
       "Remove the other characters here and everywhere the ID is used."),
    _R("value.whitespace", "Spaces before or after the value", "error",
       "Leading or trailing spaces make IDs fail to match (an error); in usernames, emails and "
       "other free text they are a warning.", "Remove the spaces."),
    _R("value.hidden-character", "Invisible character or curly quote", "warning",
       "A zero-width space, no-break space or curly quote in an ID, username or email makes it "
       "differ from what people type (an error in IDs, where it is not allowed; a warning in "
       "usernames and emails, an error for ClassLink, which signs people in with them).",
       "Use the suggested value without them."),
    _R("value.line-break", "Line break inside a value", "error",
       "OneRoster forbids line breaks inside values.", "Remove the line break."),
    _R("value.list", "Badly formed list", "error",
       "A list has an empty item, e.g. a doubled or trailing comma.", "Remove the extra comma."),
    _R("value.list-space", "Spaces around list items", "warning",
       "A list is written with spaces after its commas (\"09, 10\"); items are separated by "
       "a comma alone. The items are checked without the spaces.",
       "Write the list without the spaces (the suggested value)."),
    _R("value.score-scale", "scoreScaleValue not written {label:value}", "error",
       "Each scoreScaleValue item is {left:right} with one colon, e.g. {Pass:50}; several are "
       "separated by commas (OneRoster 1.2).", "Rewrite the items in that form."),
    _R("value.case-id", "CASE learning objective id is not a UUID URN", "error",
       "When source is case, learningObjectiveId must be a valid UUID URN such as "
       "urn:uuid:4f9e2c1a-9d0b-4c55-8a11-2b7d6c9e0f31 (OneRoster 1.2).",
       "Copy the CASE id again, or set source to unknown."),
    _R("value.min-above-max", "resultValueMin above resultValueMax", "error",
       "resultValueMin and resultValueMax are the lowest and highest scores allowed; with the "
       "minimum above the maximum no score fits.", "Swap or correct them."),
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
       "Excel rewrote a long number as 1.23E+11; the original digits are lost. An error where "
       "the value is not a valid ID; a warning where it still is one (12E4) or the column is "
       "free text (identifier), since it may be meant.",
       "Copy the ID again from the source system; edit roster files in RosterEditor, not Excel."),
    _R("excel.lost-leading-zeros", "ID lost its leading zeros", "warning",
       "The ID is shorter than the column's other zero-padded IDs; Excel drops leading zeros. "
       "A warning: it is a likely explanation, not a certainty.",
       "Put the zeros back (the suggested value)."),
    _R("excel.boolean-case", "TRUE/FALSE in capitals", "error",
       "Excel writes TRUE and FALSE; OneRoster values are case-sensitive.",
       "Write true or false in lowercase."),
    _R("excel.locale-date", "Date in spreadsheet form", "error",
       "Excel re-saved a YYYY-MM-DD date as 8/27/2018.", "Rewrite it as YYYY-MM-DD."),
    _R("excel.grade-leading-zero", "Grade lost its leading zero", "error",
       "Excel turned grade 09 into 9. An error where CEDS codes are required (1.0, 1.1); in "
       "OneRoster 1.2, where 9 may be a valid code, a warning only when the column's other "
       "grades are written 01-09.", "Write the two-digit code, e.g. 09."),
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
       "needed, or in 1.2 a result for a user with no student role in roles.csv).",
       "Point at a record of the right type."),
    _R("ref.missing-file", "References into a file the bundle does not have", "error",
       "Records refer to a file that is not in the bundle (e.g. classes to courses.csv), so "
       "none of those references can resolve; reported once with the count (a warning in delta "
       "files).", "Add the file, or remove the references."),
    _R("unique.username", "Two users with the same username", "warning",
       "People sign in with their username, so importers cannot tell these users apart (some "
       "merge them); capitals and surrounding spaces do not make two the same. The finding "
       "names the other records. An error for ClassLink, whose username is the sign-in.",
       "Give each person their own username."),
    _R("unique.email", "Two users with the same email", "warning",
       "Vendors that match or sign people in by email cannot tell these users apart. The "
       "finding names the other records.", "Give each person their own email."),
    _R("class.no-teacher", "Class without a teacher", "warning",
       "No enrollment gives the class a user with role teacher; vendors skip or reject such "
       "classes.", "Enroll the class's teacher, or leave the class out."),
    _R("enrollment.school-mismatch", "Enrollment's school is not its class's school", "warning",
       "An enrollment's schoolSourcedId differs from the schoolSourcedId of its class; vendors "
       "reject such enrollments.", "Use the class's school (the message names it), or fix the "
       "class."),
    _R("role.two-primary", "Two primary roles for one user in one org", "error",
       "OneRoster 1.2 allows only one primary role per user in an org (roles.csv).",
       "Make all but one secondary."),
    _R("role.profile-of-other-user", "Role names another user's profile", "error",
       "roles.userProfileSourcedId names the user profile of the role's user (1.2); this "
       "profile belongs to someone else.", "Point at the user's own profile."),
    _R("user.primary-org-without-role", "Primary org where the user has no role", "warning",
       "In 1.2 a user's primaryOrgSourcedId is one of the orgs the user has roles in "
       "(roles.csv).", "Add the role, or change the primary org."),
    _R("result.score-out-of-range", "Score outside the line item's range", "warning",
       "A score should lie within its line item's resultValueMin and resultValueMax.",
       "Check the score or the line item's range."),
    _R("class.primary-teachers", "More than one primary teacher", "warning",
       "A class should have one primary teacher (an error for Renaissance, whose page says "
       "MUST).", "Set primary to false for all but one."),
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
       "The vendor requires this column to be filled although the spec does not (a warning "
       "where it asks for it only in some cases, e.g. Renaissance's stateOfBirthAbbreviation "
       "for US births).", "Fill in the value."),
    _R("vendor.value", "Value the vendor does not list for its own column", "error",
       "A column the vendor adds to OneRoster (Renaissance's ext_renaissance_language, "
       "ext_renaissance_gradeTag, metadata.classification, ...) holds a value its "
       "documentation does not list.", "Use one of the listed values, or leave it empty."),
    _R("vendor.org-type", "Org type not accepted by the vendor", "error",
       "The vendor accepts only some org types (Great Minds: school or district).",
       "Change the type, or leave the org out."),
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
