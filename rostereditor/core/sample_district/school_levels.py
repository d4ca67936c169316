"""Grade codes, school levels and the subjects each level teaches."""

from __future__ import annotations

from dataclasses import dataclass

# CEDS entry grade codes the district uses, in order; an index into this tuple is a "grade".
GRADE_CODES: tuple[str, ...] = (
    "KG", "01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12",
)


def grade_label(grade: int) -> str:
    return "Kindergarten" if grade == 0 else f"Grade {grade}"


@dataclass(frozen=True)
class Subject:
    key: str  # short code used in courseCode and classCode
    title: str
    subjects: tuple[str, ...] = ()  # SCED course titles, commas removed
    codes: tuple[str, ...] = ()  # SCED codes, same length and order as subjects
    elective_share: float = 0.0  # 0 = everyone takes it; else the share of students who do
    class_type: str = "scheduled"
    periods: str = ""

    @property
    def elective(self) -> bool:
        return self.elective_share > 0


@dataclass(frozen=True)
class SchoolLevel:
    name: str
    grades: tuple[int, ...]
    students_per_school: int
    subjects: tuple[Subject, ...]


ELEMENTARY = SchoolLevel(
    "Elementary School", tuple(range(6)), 450,
    (
        Subject("HR", "Homeroom", class_type="homeroom"),
        Subject("ELA", "English Language Arts", ("English/Language Arts",), ("51028",)),
        Subject("MATH", "Mathematics", ("Mathematics",), ("52028",)),
        Subject("SCI", "Science", ("Science",), ("53028",)),
        Subject("SS", "Social Studies", ("Social Studies",), ("54028",)),
        Subject("ART", "Art", ("Art",), ("55028",)),
        Subject("MUS", "Music", ("Music",), ("55128",)),
        Subject("PE", "Physical Education", ("Physical Education",), ("58028",)),
        Subject("SPAN", "Spanish", ("Spanish",), ("56028",), elective_share=0.5),
        Subject(
            "STEM", "STEM Lab", ("Engineering", "Computer Science"), ("21007", "10011"),
            elective_share=0.5,
        ),
    ),
)

MIDDLE = SchoolLevel(
    "Middle School", (6, 7, 8), 700,
    (
        Subject("ADV", "Advisory", class_type="homeroom", periods="1"),
        Subject("ELA", "English Language Arts", ("English/Language Arts",), ("51038",), periods="2"),
        Subject("MATH", "Mathematics", ("Mathematics",), ("52038",), periods="3"),
        Subject("SCI", "Science", ("Science",), ("53038",), periods="4"),
        Subject("SS", "Social Studies", ("Social Studies",), ("54038",), periods="5"),
        Subject("PE", "Physical Education", ("Physical Education",), ("58038",), periods="6"),
        Subject("HLTH", "Health", ("Health Education",), ("58039",), periods="7"),
        Subject("ART", "Art", ("Art",), ("55038",), periods="8"),
        Subject("BAND", "Concert Band", ("Band",), ("05101",), elective_share=0.4, periods="8"),
        Subject(
            "ROBO", "Robotics", ("Engineering", "Computer Science"), ("21007", "10011"),
            elective_share=0.5, periods="7,8",
        ),
    ),
)

HIGH = SchoolLevel(
    "High School", (9, 10, 11, 12), 1200,
    (
        Subject("ADV", "Advisory", class_type="homeroom", periods="1"),
        Subject("ENG", "English", ("English/Language Arts I",), ("01001",), periods="2"),
        Subject("MATH", "Mathematics", ("Algebra I",), ("02052",), periods="3"),
        Subject("SCI", "Science", ("Biology",), ("03051",), periods="4"),
        Subject("HIST", "History", ("World History—Overview",), ("04051",), periods="5"),
        Subject("PE", "Physical Education", ("Physical Education",), ("08001",), periods="6"),
        Subject("HLTH", "Health", ("Health Education",), ("08051",), periods="7"),
        Subject("SPAN", "Spanish", ("Spanish I",), ("06101",), periods="8"),
        Subject("CS", "Computer Science", ("Computer Science Principles",), ("10019",),
                elective_share=0.5, periods="9"),
        Subject("ART", "Studio Art", ("Art Appreciation",), ("05151",), elective_share=0.5,
                periods="9,10"),
    ),
)

LEVELS: tuple[SchoolLevel, ...] = (ELEMENTARY, MIDDLE, HIGH)
CLASS_SIZE = 28  # most students a section holds before another section opens
