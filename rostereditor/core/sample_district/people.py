"""users.csv and demographics.csv: administrators, teachers, students and their guardians."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from rostereditor.core.sample_district.draft_table import DraftTable
from rostereditor.core.sample_district.name_pools import (
    BIRTH_CITIES,
    FAMILY_NAMES,
    GIVEN_NAMES,
    MIDDLE_NAMES,
)
from rostereditor.core.sample_district.oneroster11_headers import HEADERS
from rostereditor.core.sample_district.school_calendar import KINDERGARTEN_BIRTH_START_YEAR
from rostereditor.core.sample_district.school_levels import GRADE_CODES
from rostereditor.core.sample_district.text_columns import (
    booleans,
    choose,
    concat_text,
    concatenate,
    constant,
    padded_numbers,
    pick,
    plain_numbers,
)

STAFF_DOMAIN = "@maplewood.example.org"
STUDENT_DOMAIN = "@students.maplewood.example.org"
FAMILY_DOMAIN = "@mail.example.com"
SECOND_GUARDIAN_SHARE = 0.35
DISTRICT_ADMINISTRATORS = 2

_GIVEN = pa.array([n for n, _ in GIVEN_NAMES], pa.string())
_GIVEN_ASCII = pa.array([a for _, a in GIVEN_NAMES], pa.string())
_FAMILY = pa.array([n for n, _ in FAMILY_NAMES], pa.string())
_FAMILY_ASCII = pa.array([a for _, a in FAMILY_NAMES], pa.string())


def student_ids(count: int) -> pa.Array:
    # Purely numeric with leading zeros, the way many SIS exports number students.
    return padded_numbers(np.arange(1, count + 1), max(7, len(str(count))))


def teacher_ids(count: int) -> pa.Array:
    return concat_text("tch-", padded_numbers(np.arange(1, count + 1), 5))


def build_people(
    rng: np.random.Generator,
    *,
    district_id: str,
    school_ids: pa.Array,
    student_grade: np.ndarray,
    student_school: np.ndarray,
    teacher_school: np.ndarray,
) -> tuple[DraftTable, DraftTable]:
    """users.csv and demographics.csv, built column by column."""
    students = len(student_grade)
    guardians_of = np.where(rng.random(students) < SECOND_GUARDIAN_SHARE, 2, 1)
    first_guardian = np.cumsum(guardians_of) - guardians_of
    guardian_count = int(guardians_of.sum())
    guardian_ids = concat_text(
        "grd-", padded_numbers(np.arange(1, guardian_count + 1), max(7, len(str(guardian_count))))
    )
    guardian_child = np.repeat(np.arange(students), guardians_of)

    student_family = _spread(rng, len(FAMILY_NAMES), students)
    # Guardians usually share the child's family name; some (second parents) do not.
    keeps_name = rng.random(guardian_count) < 0.8
    guardian_family = np.where(
        keeps_name, student_family[guardian_child], rng.integers(0, len(FAMILY_NAMES), guardian_count)
    )
    sid = student_ids(students)
    first = pick(guardian_ids, first_guardian)
    # Clipped so the index stays valid for the rows where it is not used.
    second = pick(guardian_ids, np.minimum(first_guardian + 1, guardian_count - 1))
    agents = choose(guardians_of == 2, concat_text(first, ",", second), first)
    parts = [
        _administrators(rng, district_id, school_ids),
        _teachers(rng, school_ids, teacher_school),
        _students(rng, sid, school_ids, grade=student_grade, school=student_school,
                  family=student_family, agents=agents),
        _guardians(rng, guardian_ids, guardian_family, pick(sid, guardian_child),
                   pick(school_ids, student_school[guardian_child])),
    ]
    header = HEADERS["users.csv"]
    users = DraftTable(header, {name: concatenate([p[name] for p in parts]) for name in header})
    return users, _demographics(rng, sid, student_grade)


def _spread(rng: np.random.Generator, pool: int, count: int) -> np.ndarray:
    """Random pool indices where every pool entry appears once the count allows it."""
    picks = rng.integers(0, pool, count)
    head = min(pool, count)
    picks[:head] = rng.permutation(pool)[:head]
    return picks


def _person(
    rng: np.random.Generator, count: int, family: np.ndarray | None = None
) -> dict[str, pa.Array]:
    given = _spread(rng, len(GIVEN_NAMES), count)
    family = _spread(rng, len(FAMILY_NAMES), count) if family is None else family
    middle = rng.integers(0, len(MIDDLE_NAMES), count)
    return {
        "givenName": pick(_GIVEN, given),
        "familyName": pick(_FAMILY, family),
        "middleName": choose(rng.random(count) < 0.4, pick(MIDDLE_NAMES, middle), ""),
        "_given_ascii": pick(_GIVEN_ASCII, given),
        "_family_ascii": pick(_FAMILY_ASCII, family),
    }


def _user_columns(count: int, **given: pa.Array | str) -> dict[str, pa.Array]:
    """Every users.csv column for one kind of user; unnamed columns are blank."""
    given = {"enabledUser": "true", **given}
    columns = {}
    for name in HEADERS["users.csv"]:
        value = given.get(name, "")
        columns[name] = constant(value, count) if isinstance(value, str) else value
    return columns


def _administrators(
    rng: np.random.Generator, district_id: str, school_ids: pa.Array
) -> dict[str, pa.Array]:
    schools = len(school_ids)
    count = schools + DISTRICT_ADMINISTRATORS
    numbers = np.arange(1, count + 1)
    person = _person(rng, count)
    username = concat_text(
        pc.utf8_slice_codeunits(person["_given_ascii"], 0, 1), person["_family_ascii"], ".admin",
        plain_numbers(numbers),
    )
    ids = concat_text("adm-", padded_numbers(numbers, 4))
    orgs = concatenate([school_ids, constant(district_id, DISTRICT_ADMINISTRATORS)])
    return _user_columns(
        count, sourcedId=ids, orgSourcedIds=orgs, role="administrator", username=username,
        userIds=concat_text("{SIS:", ids, "},{LDAP:", username, "}"),
        email=concat_text(username, STAFF_DOMAIN), **_names(person),
    )


def _teachers(
    rng: np.random.Generator, school_ids: pa.Array, teacher_school: np.ndarray
) -> dict[str, pa.Array]:
    count = len(teacher_school)
    numbers = np.arange(1, count + 1)
    person = _person(rng, count)
    username = concat_text(
        pc.utf8_slice_codeunits(person["_given_ascii"], 0, 1), person["_family_ascii"],
        plain_numbers(numbers),
    )
    ids = teacher_ids(count)
    return _user_columns(
        count, sourcedId=ids, orgSourcedIds=pick(school_ids, teacher_school), role="teacher",
        username=username, userIds=concat_text("{SIS:", ids, "},{LDAP:", username, "}"),
        identifier=concat_text("E", padded_numbers(numbers, 6)),
        email=concat_text(username, STAFF_DOMAIN), **_names(person),
    )


def _students(
    rng: np.random.Generator, ids: pa.Array, school_ids: pa.Array, *, grade: np.ndarray,
    school: np.ndarray, family: np.ndarray, agents: pa.Array,
) -> dict[str, pa.Array]:
    count = len(grade)
    person = _person(rng, count, family)
    numbers = np.arange(1, count + 1)
    username = concat_text(
        person["_given_ascii"], ".", person["_family_ascii"], plain_numbers(numbers)
    )
    # State student IDs: 12 digits, never starting with 0, and distinct because the multiplier
    # shares no factor with 9 * 10**11 (so the mapping below is a permutation).
    state_ids = 10**11 + (numbers * 7_919_113_171 + 104_729) % (9 * 10**11)
    return _user_columns(
        count, sourcedId=ids, orgSourcedIds=pick(school_ids, school), role="student",
        username=username, userIds=concat_text("{SIS:", ids, "}"),
        identifier=plain_numbers(state_ids), email=concat_text(username, STUDENT_DOMAIN),
        agentSourcedIds=agents, grades=pick(GRADE_CODES, grade), **_names(person),
    )


def _guardians(
    rng: np.random.Generator, ids: pa.Array, family: np.ndarray, child: pa.Array, orgs: pa.Array
) -> dict[str, pa.Array]:
    count = len(ids)
    person = _person(rng, count, family)
    numbers = np.arange(1, count + 1)
    username = concat_text(
        person["_given_ascii"], ".", person["_family_ascii"], ".g", plain_numbers(numbers)
    )
    phone = concat_text(
        "(916) 555-", padded_numbers(rng.integers(0, 10_000, count), 4)
    )
    return _user_columns(
        count, sourcedId=ids, orgSourcedIds=orgs, role="guardian", username=username,
        email=concat_text(username, FAMILY_DOMAIN), phone=phone, agentSourcedIds=child,
        **_names(person),
    )


def _names(person: dict[str, pa.Array]) -> dict[str, pa.Array]:
    return {k: v for k, v in person.items() if not k.startswith("_")}


def _demographics(rng: np.random.Generator, ids: pa.Array, grade: np.ndarray) -> DraftTable:
    count = len(grade)
    first_day = np.array(
        [np.datetime64(f"{KINDERGARTEN_BIRTH_START_YEAR - g}-09-01") for g in range(len(GRADE_CODES))]
    )
    birth = first_day[grade] + rng.integers(0, 365, count).astype("timedelta64[D]")
    races = rng.random((5, count)) < np.array([[0.02], [0.12], [0.14], [0.01], [0.55]])
    none = ~races.any(axis=0)
    races[4] |= none  # everyone reports at least one race
    us_born = rng.random(count) < 0.85
    abroad = pick(("MX", "VN", "CN", "UA", "IN", "SA"), rng.integers(0, 6, count))
    columns = {
        "sourcedId": ids,
        "birthDate": pa.array(np.datetime_as_string(birth, unit="D"), pa.string()),
        "sex": choose(rng.random(count) < 0.5, "female", "male"),
        "americanIndianOrAlaskaNative": booleans(races[0]),
        "asian": booleans(races[1]),
        "blackOrAfricanAmerican": booleans(races[2]),
        "nativeHawaiianOrOtherPacificIslander": booleans(races[3]),
        "white": booleans(races[4]),
        "demographicRaceTwoOrMoreRaces": booleans(races.sum(axis=0) > 1),
        "hispanicOrLatinoEthnicity": booleans(rng.random(count) < 0.4),
        "countryOfBirthCode": choose(us_born, "US", abroad),
        "stateOfBirthAbbreviation": choose(us_born, "CA", ""),
        "cityOfBirth": choose(us_born, pick(BIRTH_CITIES, rng.integers(0, len(BIRTH_CITIES), count)), ""),
        # CEDS: 01652 resident of the district and attendance area; 01653 resident, other area.
        "publicSchoolResidenceStatus": choose(rng.random(count) < 0.9, "01652", "01653"),
    }
    header = HEADERS["demographics.csv"]
    blank = constant("", count)
    return DraftTable(header, {name: columns.get(name, blank) for name in header})
