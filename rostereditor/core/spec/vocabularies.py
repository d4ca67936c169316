"""The spec's closed value lists (case-sensitive) and the CEDS grade codes."""

from __future__ import annotations

CEDS_GRADES = (
    "IT", "PR", "PK", "TK", "KG", "01", "02", "03", "04", "05", "06", "07", "08", "09", "10",
    "11", "12", "13", "PS", "UG", "Other",
)

STATUS_1_0 = ("active", "inactive", "tobedeleted")
STATUS = ("active", "tobedeleted")
BOOLEAN = ("true", "false")
SESSION_TYPES = ("gradingPeriod", "semester", "schoolYear", "term")
CLASS_TYPES = ("homeroom", "scheduled")
ORG_TYPES_1_0 = ("school", "local", "state", "national")
ORG_TYPES = ("department", "school", "district", "local", "state", "national")
USER_ROLES_1_0 = ("teacher", "student", "parent", "guardian", "relative", "aide", "administrator")
USER_ROLES = ("administrator", "aide", "guardian", "parent", "proctor", "relative", "student",
              "teacher")
ENROLLMENT_ROLES = ("administrator", "proctor", "student", "teacher")
SEX = ("male", "female")
SEX_1_2 = ("male", "female", "unspecified", "other")
IMPORTANCE = ("primary", "secondary")
SCORE_STATUS = ("exempt", "fully graded", "not submitted", "partially graded", "submitted")
ROLE_TYPES = ("primary", "secondary")
ROLES_1_2 = ("aide", "counselor", "districtAdministrator", "guardian", "parent", "principal",
             "proctor", "relative", "siteAdministrator", "student", "systemAdministrator",
             "teacher")
LEARNING_OBJECTIVE_SOURCES = ("case", "unknown")
CLASSIFICATION_1_0 = ("charter", "private", "public")
GENDER_1_0 = ("female", "male", "mixed")
