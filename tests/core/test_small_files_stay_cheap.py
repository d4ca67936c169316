"""No small CSV can make reading or validating expensive: costs grow with the file, not faster."""

import time

import pytest

from rostereditor.cli.main import main
from rostereditor.core.bundle_reader import read_bundle
from rostereditor.core.read_notice import BundleReadError
from rostereditor.core.validation import BundleValidator


def test_a_wide_header_over_thousands_of_blank_lines_is_refused_not_padded(tmp_path, capsys):
    # 3,000 columns over 200,000 blank lines: 400 KB that would be 600 million empty cells.
    path = tmp_path / "classes.csv"
    path.write_bytes(",".join(f"c{i}" for i in range(3000)).encode() + b"\r\n" * 200_000)
    with pytest.raises(BundleReadError, match=r"header has 3,000 columns") as refused:
        read_bundle(path)
    assert "599,997,000 cells" in str(refused.value)
    assert main(["validate", str(path)]) == 2
    assert "damaged" in capsys.readouterr().err


def test_a_few_short_records_under_a_wide_header_are_still_read(tmp_path):
    path = tmp_path / "users.csv"
    path.write_bytes(",".join(f"c{i}" for i in range(3000)).encode() + b"\r\nu1\r\n\r\nu2,x\r\n")
    table = read_bundle(path).table("users.csv")
    assert [table.row_values(r)[:2] for r in range(len(table))] == [["u1"], [], ["u2", "x"]]


def test_twenty_thousand_unknown_columns_validate_in_linear_time(tmp_path):
    # Header checks used to compare every column with every other: 10,000 columns took 47 s.
    # A ceiling far above the linear cost (well under a second) and far below the old one.
    columns = ["sourcedId", "status", "dateLastModified"] + [f"extra{i}" for i in range(20_000)]
    path = tmp_path / "users.csv"
    path.write_text(",".join(columns) + "\r\n" + ",".join(["u1", "", ""] + ["v"] * 20_000) + "\r\n")
    bundle = read_bundle(path)
    started = time.perf_counter()
    result = BundleValidator(bundle, "1edtech", "1.1").run()
    assert time.perf_counter() - started < 15
    unknown = [f for f in result.findings if f.rule == "header.unknown-column"]
    assert len(unknown) == 20_000


def test_a_record_full_of_stray_quotes_is_reported_in_linear_time(tmp_path):
    # Each stray quote's line used to be found by counting line breaks from the record's start
    # again: 150,000 of them (300 KB) took a minute and a half. Ceiling far above linear cost.
    path = tmp_path / "users.csv"
    path.write_bytes(b"sourcedId,givenName\r\nu1," + b'a"' * 150_000 + b"\r\n")
    started = time.perf_counter()
    bundle = read_bundle(path)
    assert time.perf_counter() - started < 20
    assert sum(n.code == "read.stray-quote" for n in bundle.notices) == 150_000
