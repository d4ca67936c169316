"""`rostereditor validate`: reports, formats and exit codes."""

from __future__ import annotations

import json

import pytest

from rostereditor.cli.main import main
from rostereditor.core.bundle_writer import write_bundle_zip
from rostereditor.core.sample_district import generate_district


def _zip(tmp_path, damaged):
    path = tmp_path / ("damaged.zip" if damaged else "valid.zip")
    write_bundle_zip(generate_district(30, seed=7, damaged=damaged).bundle, path)
    return path


def test_valid_bundle_exits_0_with_summary(tmp_path, capsys):
    assert main(["validate", str(_zip(tmp_path, False))]) == 0
    assert "0 errors" in capsys.readouterr().out


def test_errors_exit_1_and_are_grouped_by_file_in_line_order(tmp_path, capsys):
    assert main(["validate", str(_zip(tmp_path, True))]) == 1
    out = capsys.readouterr().out
    assert "enrollments.csv:" in out
    assert "users.csv:" in out
    assert out.index("enrollments.csv:") < out.index("users.csv:")
    block = out.split("enrollments.csv:")[1].split("\n\n")[0].split("users.csv:")[0]
    lines = [int(x.split("line ")[1].split(",")[0].split(":")[0])
             for x in block.splitlines() if "line " in x]
    assert lines == sorted(lines)


def test_json_report_has_the_documented_shape(tmp_path, capsys):
    assert main(["validate", str(_zip(tmp_path, True)), "--format", "json",
                 "--vendor", "classlink"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["oneroster"] == "1.1"
    assert report["vendor"] == "classlink"
    assert set(report["counts"]) == {"error", "warning", "info"}
    first = report["findings"][0]
    assert set(first) == {"file", "line", "column", "rule", "severity", "message", "value"}
    assert report["counts"]["error"] == sum(f["severity"] == "error" for f in report["findings"])


def test_unreadable_bundle_exits_2(tmp_path, capsys):
    assert main(["validate", str(tmp_path / "missing.zip")]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_list_vendors(capsys):
    assert main(["validate", "--list-vendors"]) == 0
    out = capsys.readouterr().out
    for name in ("1edtech", "greatminds", "microsoft-sds", "apple-school-manager"):
        assert name in out


def test_xlsx_report(tmp_path, capsys):
    out = tmp_path / "report.xlsx"
    assert main(["validate", str(_zip(tmp_path, True)), "--format", "xlsx", "-o", str(out)]) == 1
    assert out.stat().st_size > 0


def test_manifest_missing_from_a_1_1_bundle_is_one_bundle_finding(tmp_path, capsys):
    import zipfile

    source = _zip(tmp_path, False)
    stripped = tmp_path / "no-manifest.zip"
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(stripped, "w") as new:
        for name in old.namelist():
            if name != "manifest.csv":
                new.writestr(name, old.read(name))
    assert main(["validate", str(stripped), "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["oneroster"] == "1.1"  # the files look like 1.1, so they are checked as 1.1
    assert [(f["file"], f["rule"], f["severity"]) for f in report["findings"]] == [
        (None, "bundle.no-manifest", "error")]
    assert "look like OneRoster 1.1" in report["findings"][0]["message"]
    assert main(["validate", str(stripped), "--oneroster", "1.0", "--format", "json"]) == 1
    found = [f for f in json.loads(capsys.readouterr().out)["findings"]
             if f["rule"] == "bundle.newer-without-manifest"]
    assert [(f["file"], f["line"], f["column"], f["severity"]) for f in found] == [
        (None, None, None, "error")]
    assert "--oneroster 1.1" in found[0]["message"]


def test_findings_csv_report_for_a_vendor(tmp_path):
    import csv

    from rostereditor.cli.main import main

    source = tmp_path / "users.csv"
    source.write_text("sourcedId,role\nu1,Student\n", encoding="utf-8")
    out = tmp_path / "report.csv"
    assert main(["validate", str(source), "--format", "csv", "-o", str(out)]) == 1
    rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert any("Student" in row for row in rows[1:])


def test_report_into_a_missing_folder_exits_2(tmp_path, capsys):
    from rostereditor.cli.main import main

    source = tmp_path / "users.csv"
    source.write_text("sourcedId\nu1\n", encoding="utf-8")
    assert main(["validate", str(source), "--format", "json", "-o", str(tmp_path / "no" / "r.json")]) == 2
    assert "cannot write" in capsys.readouterr().err


def test_every_report_format_streams_findings_without_listing_them_all(tmp_path, capsys,
                                                                       monkeypatch):
    # A million findings must go out one at a time: asking the result for all of them at once
    # (result.findings) is what took 3.4 GB for a JSON report.
    from rostereditor.core.validation import ValidationResult

    path = _zip(tmp_path, True)
    expected = json.loads(_run_json(path, capsys))
    monkeypatch.setattr(ValidationResult, "findings", property(lambda _self: pytest.fail(
        "the report listed every finding at once")))
    assert json.loads(_run_json(path, capsys)) == expected
    assert main(["validate", str(path)]) == 1
    errors = expected['counts']['error']
    assert f"{errors:,} error{'' if errors == 1 else 's'}," in capsys.readouterr().out
    for fmt in ("csv", "xlsx"):
        assert main(["validate", str(path), "--format", fmt, "-o", str(tmp_path / f"r.{fmt}")]) == 1
        assert f"({len(expected['findings'])} findings)" in capsys.readouterr().out


def _run_json(path, capsys):
    assert main(["validate", str(path), "--format", "json"]) == 1
    return capsys.readouterr().out


def test_the_streamed_json_report_is_what_json_dumps_writes():
    import io

    from rostereditor.cli.findings_output import write_json
    from rostereditor.core.validation import BundleValidator

    for damaged in (True, False):
        result = BundleValidator(generate_district(30, seed=7, damaged=damaged).bundle).run()
        out = io.StringIO()
        write_json(result, out)
        findings = [{"file": f.file, "line": f.line, "column": f.column, "rule": f.rule,
                     "severity": f.severity, "message": f.message, "value": f.value}
                    for f in result.findings]
        assert out.getvalue() == json.dumps(
            {"oneroster": result.version, "vendor": result.profile, "findings": findings,
             "counts": result.counts}, ensure_ascii=False, indent=1) + "\n"
