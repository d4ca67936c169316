"""A small damaged 1.1 bundle to replay recipes on, each file given as CSV text."""

from __future__ import annotations

import csv
import io

from rostereditor.core.bundle import Bundle, BundleFile
from rostereditor.core.manifest import MANIFEST_HEADER, generate_manifest
from rostereditor.core.oneroster_files import MANIFEST
from rostereditor.core.table import Table

ORGS = """
sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId
d1,,,Maplewood,district,,
s1,,,North High,school,,d1
"""
USERS = """
sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password
t1,,,TRUE,s1,teacher,tanaka,,Aiko,Tanaka,,,tanaka@old.example.org,,,,,
st1,,,true,s1,student,stu1,,José,García,,,stu1@old.example.org,,,"p1, p2",9,
st2,,,True,s1,student,stu2,,Li,Wu,,,,,,p2,09,
p1,,,true,s1,parent,p1,,Pat,García,,,,,,,,
p2,,,TRUE,s1,parent,p2,,Sam,Wu,,,,,,,,
"""
DEMOGRAPHICS = """
sourcedId,status,dateLastModified,birthDate,sex,americanIndianOrAlaskaNative,asian,blackOrAfricanAmerican,nativeHawaiianOrOtherPacificIslander,white,demographicRaceTwoOrMoreRaces,hispanicOrLatinoEthnicity,countryOfBirthCode,stateOfBirthAbbreviation,cityOfBirth,publicSchoolResidenceStatus
st1,,,2010-03-04,male,false,false,false,false,false,false,TRUE,,,,
"""


def damaged_bundle(**changes: str) -> Bundle:
    files = {"orgs.csv": ORGS, "users.csv": USERS, "demographics.csv": DEMOGRAPHICS, **changes}
    bundle = Bundle(source_kind="new")
    for name, text in files.items():
        rows = list(csv.reader(io.StringIO(text.strip() + "\n")))
        bundle.files[name] = BundleFile(name, name, Table.from_rows(rows[0], rows[1:]))
    rows = generate_manifest("1.1", dict.fromkeys(files, "bulk"))
    bundle.files[MANIFEST] = BundleFile(MANIFEST, MANIFEST, Table.from_rows(MANIFEST_HEADER, rows))
    return bundle


def column(bundle: Bundle, file: str, name: str) -> list[str]:
    table = bundle.table(file)
    assert table is not None
    index = table.column_index(name)
    assert index is not None, name
    return table.column_values(index)
