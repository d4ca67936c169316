"""The shipped vendor profiles, from the vendors' public import documentation.

Each rule comes from the vendor's own help page (the seed pages named in the comments) or the
vendor table of the OneRoster reference; nothing here is guessed.
"""

from __future__ import annotations

from rostereditor.core.spec.vendor_profile import Profile

_CORE_1_1 = ("academicSessions.csv", "orgs.csv", "courses.csv", "classes.csv", "users.csv",
             "enrollments.csv")
_ST_MATH_GRADES = ("k", "kg", "0", "-1", "-2", *(str(n) for n in range(1, 13)),
                   *(f"{n:02d}" for n in range(1, 13)), "pk", "tk")
# Renaissance "Requirements for OneRoster Standard Imports": its tables end with its own
# columns, and list metadata.* columns among the defined ones.
_RENAISSANCE_COLUMNS = (
    ("*", "renaissanceId"), ("users.csv", "ext_renaissance_*"),
    ("demographics.csv", "ext_renaissance_*"), ("orgs.csv", "metadata.classification"),
    ("orgs.csv", "metadata.gender"), ("orgs.csv", "metadata.boarding"),
    ("orgs.csv", "metadata.stateId"), ("courses.csv", "metadata.duration"),
    ("academicSessions.csv", "metadata.orgSourcedId"),
)
# Values its tables list for its own columns (metadata.* ones are spec columns in 1.0).
_RENAISSANCE_VALUES = (
    ("demographics.csv", "ext_renaissance_language", ("en-GB", "en-US", "en-AU", "es-MX",
                                                       "es-US")),
    ("users.csv", "ext_renaissance_gradeTag", (*(str(n) for n in range(1, 13)), "Pre-K", "K")),
    ("orgs.csv", "metadata.classification", ("charter", "private", "public")),
    ("orgs.csv", "metadata.gender", ("female", "male", "mixed")),
    ("orgs.csv", "metadata.boarding", ("true", "false")),
)
# Its demographics table marks these YES (birthdate is spelled birthDate from 1.1 on).
_RENAISSANCE_DEMOGRAPHICS = tuple(("demographics.csv", column) for column in (
    "birthDate", "birthdate", "sex", "americanIndianOrAlaskaNative", "asian",
    "blackOrAfricanAmerican", "nativeHawaiianOrOtherPacificIslander", "white",
    "demographicRaceTwoOrMoreRaces", "hispanicOrLatinoEthnicity", "countryOfBirthCode",
    "cityOfBirth", "publicSchoolResidenceStatus"))

PROFILES: tuple[Profile, ...] = (
    Profile(
        "1edtech", "1EdTech OneRoster (strict)",
        "The OneRoster specification exactly as written; the default.",
    ),
    Profile(
        # ClassLink "OneRoster 1.1 CSVs": 7 files (demographics strongly recommended), all
        # template columns, username = the user's login, resources files all three or none.
        "classlink", "ClassLink Roster Server",
        "OneRoster 1.1 with manifest, academicSessions, orgs, courses, classes, users, "
        "enrollments; username is the sign-in; resources files all three or none.",
        vendor="ClassLink", versions=("1.1",), required_files=_CORE_1_1,
        recommended_files=("demographics.csv",),
        file_groups=(("resources.csv", "classResources.csv", "courseResources.csv"),),
        required_values=(("users.csv", "username"),),
        severities={"unique.username": "error", "value.hidden-character": "error"},
    ),
    Profile(
        # Renaissance "Requirements for OneRoster Standard Imports" (help2.renaissance.com).
        "renaissance", "Renaissance",
        "OneRoster 1.0 or 1.1; all seven files required, empty ones with just the header row; "
        "Roster.zip; its own columns; one primary teacher per class; demographics filled.",
        vendor="Renaissance", versions=("1.0", "1.1"), rejects_other_versions=True,
        zip_name="Roster.zip", required_files=(*_CORE_1_1, "demographics.csv"),
        header_only_files="allowed", extra_columns=_RENAISSANCE_COLUMNS,
        columns_must_match=True, extra_values=_RENAISSANCE_VALUES,
        required_values=_RENAISSANCE_DEMOGRAPHICS,
        required_when=(("demographics.csv", "stateOfBirthAbbreviation", "countryOfBirthCode",
                        "US"),),
        date_only_datetimes=True, severities={"class.primary-teachers": "error"},
    ),
    Profile(
        # Great Minds "OneRoster File Specifications: orgs.csv" (digitalsupport.greatminds.org).
        "greatminds", "Great Minds",
        "OneRoster 1.1 bulk; IDs up to 100 letters, digits, - _ . ; org type school or "
        "district; exact CEDS grades.",
        vendor="Great Minds", versions=("1.1",), bulk_only=True,
        required_files=("classes.csv", "enrollments.csv", "orgs.csv", "users.csv"),
        id_max_length=100, id_pattern=r"[A-Za-z0-9_.\-]+", id_rule_text="letters, digits, - _ .",
        org_types=("school", "district"),
    ),
    Profile(
        # Naviance "OneRoster manifest import fields": supports version 1.1, bulk only.
        "naviance", "Naviance (PowerSchool)",
        "OneRoster 1.1 bulk in NavianceOneRoster.zip (max 1 GB); username required.",
        vendor="Naviance", versions=("1.1",), rejects_other_versions=True, bulk_only=True,
        zip_name="NavianceOneRoster.zip", max_zip_bytes=1024**3,
        required_files=("orgs.csv", "users.csv"),
        user_roles=("student", "administrator", "teacher"),
        required_values=(("users.csv", "username"),),
    ),
    Profile(
        # Infinite Campus "OneRoster Prerequisites": OneRoster 1.1 requires a username for every
        # person; 1.2 does not.
        "infinitecampus", "Infinite Campus",
        "OneRoster 1.1 or 1.2 as Campus produces it; username required in 1.1, not in 1.2.",
        vendor="Infinite Campus", versions=("1.1", "1.2"),
        optional_values=(("1.2", "users.csv", "username"),),
    ),
    Profile(
        "hmh", "HMH",
        "OneRoster 1.1 bulk with manifest; header-only academicSessions allowed; 255-char fields.",
        vendor="HMH", versions=("1.1",), bulk_only=True,
        required_files=("academicSessions.csv",), header_only_files="allowed",
        max_lengths={("*", "*"): 255},
    ),
    Profile(
        "stmath", "ST Math",
        "OneRoster 1.1 in OneRoster.zip with seven files; students need grades.",
        vendor="ST Math", versions=("1.1",), zip_name="OneRoster.zip", required_files=(
            "users.csv", "courses.csv", "classes.csv", "enrollments.csv", "orgs.csv",
            "academicSessions.csv"),
        required_for_role=(("users.csv", "student", "grades"),), grades=_ST_MATH_GRADES,
        grades_case_insensitive=True,
    ),
    Profile(
        "labaids", "Lab-Aids",
        "OneRoster 1.1 in a zip named exactly OneRosterv1p1BaseCSV.zip, files at the root.",
        vendor="Lab-Aids", versions=("1.1",), zip_name="OneRosterv1p1BaseCSV.zip",
        required_files=_CORE_1_1,
    ),
    Profile(
        "microsoft-sds", "Microsoft School Data Sync",
        "OneRoster 1.2 bulk; no line breaks in values; true/false in any case.",
        vendor="Microsoft SDS", versions=("1.2",), bulk_only=True, values_case_insensitive=True,
        required_files=("academicSessions.csv", "classes.csv", "courses.csv", "enrollments.csv",
                        "orgs.csv", "roles.csv", "users.csv"),
    ),
    Profile(
        "apple-school-manager", "Apple School Manager",
        "OneRoster over SFTP; only student and teacher roles (blank means student); email "
        "needed for federated sign-in; dates as YYYY-MM-DD.",
        vendor="Apple School Manager", user_roles=("student", "teacher"),
        required_values=(("users.csv", "email"),),
        optional_values=(("1.0", "users.csv", "role"), ("1.1", "users.csv", "role")),
        date_only_datetimes=True,
    ),
)
