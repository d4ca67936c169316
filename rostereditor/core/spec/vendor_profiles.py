"""The shipped vendor profiles, from the vendors' public import documentation."""

from __future__ import annotations

from rostereditor.core.spec.vendor_profile import Profile

_CORE_1_1 = ("academicSessions.csv", "orgs.csv", "courses.csv", "classes.csv", "users.csv",
             "enrollments.csv")
_ST_MATH_GRADES = ("k", "kg", "0", "-1", "-2", *(str(n) for n in range(1, 13)),
                   *(f"{n:02d}" for n in range(1, 13)), "pk", "tk")

PROFILES: tuple[Profile, ...] = (
    Profile(
        "1edtech", "1EdTech OneRoster (strict)",
        "The OneRoster specification exactly as written; the default.",
    ),
    Profile(
        "classlink", "ClassLink Roster Server",
        "OneRoster 1.1 with manifest, academicSessions, orgs, courses, classes, users, enrollments.",
        vendor="ClassLink", versions=("1.1",), required_files=_CORE_1_1,
        required_values=(("users.csv", "username"),),
    ),
    Profile(
        "renaissance", "Renaissance",
        "OneRoster 1.0 or 1.1; all seven files required, empty ones with just the header row.",
        vendor="Renaissance", versions=("1.0", "1.1"),
        required_files=(*_CORE_1_1, "demographics.csv"), header_only_files="allowed",
    ),
    Profile(
        "greatminds", "Great Minds",
        "OneRoster 1.1 bulk; IDs up to 100 letters, digits, - _ . ; exact CEDS grades.",
        vendor="Great Minds", versions=("1.1",), bulk_only=True,
        required_files=("classes.csv", "enrollments.csv", "orgs.csv", "users.csv"),
        id_max_length=100, id_pattern=r"[A-Za-z0-9_.\-]+", id_rule_text="letters, digits, - _ .",
    ),
    Profile(
        "naviance", "Naviance (PowerSchool)",
        "OneRoster 1.1 bulk in NavianceOneRoster.zip (max 1 GB); username required.",
        vendor="Naviance", versions=("1.1",), bulk_only=True, zip_name="NavianceOneRoster.zip",
        max_zip_bytes=1024**3, required_files=("orgs.csv", "users.csv"),
        user_roles=("student", "administrator", "teacher"),
        required_values=(("users.csv", "username"),),
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
        "OneRoster over SFTP; only student and teacher roles; email needed for federated sign-in.",
        vendor="Apple School Manager", user_roles=("student", "teacher"),
        required_values=(("users.csv", "email"),),
    ),
)
