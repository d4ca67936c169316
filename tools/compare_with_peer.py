"""Run RosterEditor and the public LongsightGroup/oneroster validator side by side on bundles.

    python tools/compare_with_peer.py --peer ~/peer/oneroster BUNDLE_FOLDER [--details]

The peer is a TypeScript library (MIT, OneRoster 1.2). Its code is never part of this project:
check it out somewhere else and build it there, then point --peer at that checkout:

    git clone https://github.com/LongsightGroup/oneroster ~/peer/oneroster
    cd ~/peer/oneroster && npm install --legacy-peer-deps && npx tsc -p tsconfig.build.json

Its verdict on a zip is parseAndValidateOneRosterCsvFullZip(bytes) (default options); ours is
"no errors" from BundleValidator with the chosen vendor profile. Every bundle where the two
verdicts differ is printed with both sides' reasons, and with the documented decision that
explains it (docs/validation-decisions.md), or UNEXPLAINED. Exit status 1 if any disagreement
is unexplained.

A corpus to run it on: the ~170 bundles the peer's own test suite builds. Capture them with a
small hook where the peer's zip reader receives bytes (--print-capture-hook shows one), run
its tests with PEER_CAPTURE_DIR set, and keep the captured zips outside this repository.
CI never runs this script; it needs node and a built copy of the peer.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from rostereditor.core.bundle_reader import read_bundle
from rostereditor.core.read_notice import BundleReadError
from rostereditor.core.validation import BundleValidator

_RUNNER = """
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
const [peerDir, referenceMode] = process.argv.slice(2);
const files = JSON.parse(readFileSync(0, "utf8"));
const peer = await import(pathToFileURL(peerDir + "/dist/index.js").href);
const options = referenceMode === "default" ? {} : { referenceMode };
for (const file of files) {
  let result;
  try {
    result = peer.parseAndValidateOneRosterCsvFullZip(new Uint8Array(readFileSync(file)), options);
  } catch (error) {
    console.log(JSON.stringify({ file, verdict: "crash", diags: [String(error)] }));
    continue;
  }
  const diags = result._tag === "err" ? result.error.map((d) => ({
    code: d.code, file: d.fileName ?? null, row: d.rowNumber ?? null, field: d.field ?? null,
  })) : [];
  console.log(JSON.stringify({ file, verdict: result._tag, diags }));
}
"""

_CAPTURE_HOOK = """\
// src/capture-hook.ts in YOUR CHECKOUT of the peer (never commit it anywhere):
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
export function captureBundle(bytes: Uint8Array): void {
  const dir = (globalThis as any).process?.env?.PEER_CAPTURE_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  const name = `${dir}/${createHash("sha1").update(bytes).digest("hex").slice(0, 16)}.zip`;
  if (!existsSync(name)) writeFileSync(name, bytes);
}
// In src/zip.ts, first line of readZipEntries(bytes, ...):   captureBundle(bytes);
// (files passed as strings go through oneRosterCsvFilesToZipEntries: zip them with fflate's
// zipSync there and capture those bytes too.) Then:
//   PEER_CAPTURE_DIR=/somewhere/outside/the/repo npx vitest run
// Zips differ only by timestamps between runs: de-duplicate by their unzipped contents.
"""


@dataclass(frozen=True)
class Decision:
    """A documented case where RosterEditor and the peer differ on purpose."""

    anchor: str  # heading in docs/validation-decisions.md
    summary: str
    # Peer error codes we do not report as errors (warnings or nothing), per the spec text.
    peer_codes: frozenset[str] = frozenset()
    # (rule, file) of our errors the peer does not report.
    our_rules: frozenset[tuple[str, str]] = frozenset()
    # Rules we must have reported as warnings for the decision to apply.
    our_warnings: frozenset[str] = frozenset()


DECISIONS = (
    Decision("results-studentsourcedid-must-be-a-student",
             "1.2 results.studentSourcedId must be a user with a student role (roles.csv); "
             "the peer does not check it",
             our_rules=frozenset({("ref.wrong-type", "results.csv")})),
    Decision("scores-outside-the-line-item-range",
             "a score outside resultValueMin..resultValueMax is a warning: the spec says "
             "'should be consistent'",
             peer_codes=frozenset({"semantic.score_below_min", "semantic.score_above_max"})),
    Decision("rules-the-spec-does-not-state",
             "enrollment in the class, resource roles, class/org agreement of userResources "
             "and results, lineItem sessions: not in the spec, so not errors",
             peer_codes=frozenset({
                 "semantic.resource_role_mismatch", "semantic.user_resource_class_org_mismatch",
                 "semantic.user_resource_user_not_enrolled",
                 "semantic.result_student_not_enrolled", "semantic.result_class_mismatch",
                 "semantic.academic_session_type_mismatch"})),
    Decision("primary-org-without-a-role",
             "users.primaryOrgSourcedId with no role in that org is a warning (implied, not "
             "stated)", peer_codes=frozenset({"semantic.primary_org_missing_role"})),
    Decision("delta-references-are-warnings",
             "with --reference-mode allRows the peer rejects delta rows whose references are "
             "not in the zip; OR 1.2 §2.4 lets them point at records sent before (warnings)",
             peer_codes=frozenset({"reference.missing_target_file",
                                   "reference.missing_target_record"}),
             our_warnings=frozenset({"ref.missing-file", "ref.unresolved"})),
    Decision("formats-apply-to-delta-rows-too",
             "value formats (scoreScaleValue, CASE ids) are checked in delta files as well; the "
             "peer's default checks them in bulk rows only",
             our_rules=frozenset({("value.score-scale", "scoreScales.csv"),
                                  ("value.case-id", "lineItemLearningObjectiveIds.csv"),
                                  ("value.case-id", "resultLearningObjectiveIds.csv")})),
)


@dataclass
class Verdicts:
    bundle: Path
    ours: str  # "ok" or "err"
    our_errors: list[tuple[str, str, int | None, str | None]] = field(default_factory=list)
    our_warnings: set[str] = field(default_factory=set)
    peer: str = "?"
    peer_errors: list[dict[str, object]] = field(default_factory=list)

    @property
    def agree(self) -> bool:
        return self.ours == self.peer

    def explained_by(self) -> list[Decision] | None:
        """The decisions that account for every reason on the erring side, or None."""
        if self.peer == "err":
            codes = {str(d["code"]) for d in self.peer_errors}
            used = [d for d in DECISIONS if codes & d.peer_codes
                    and (not d.our_warnings or d.our_warnings & self.our_warnings)]
            covered = set().union(*(d.peer_codes for d in used)) if used else set()
            return used if codes and codes <= covered else None
        reasons = {(rule, file) for rule, file, _, _ in self.our_errors}
        used = [d for d in DECISIONS if reasons & d.our_rules]
        covered = set().union(*(d.our_rules for d in used)) if used else set()
        return used if reasons and reasons <= covered else None


def our_verdict(bundle: Path, vendor: str) -> Verdicts:
    try:
        result = BundleValidator(read_bundle(bundle), vendor).run()
    except BundleReadError as exc:
        return Verdicts(bundle, "err", [("read", str(exc), None, None)])
    errors = [(f.rule, f.file or "", f.line, f.column) for f in result.findings
              if f.severity == "error"]
    warnings = {f.rule for f in result.findings if f.severity == "warning"}
    return Verdicts(bundle, "err" if errors else "ok", errors, warnings)


def peer_verdicts(peer: Path, bundles: list[Path], reference_mode: str) -> dict[str, dict]:
    with tempfile.TemporaryDirectory() as scratch:
        runner = Path(scratch) / "peer_runner.mjs"
        runner.write_text(_RUNNER, encoding="utf-8")
        done = subprocess.run(["node", str(runner), str(peer.resolve()), reference_mode],
                              input=json.dumps([str(b) for b in bundles]), text=True,
                              capture_output=True, check=False)
    if done.returncode != 0:
        sys.exit(f"the peer failed to run: {done.stderr.strip()[:2000]}")
    answers = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    return {a["file"]: a for a in answers}


def _where(file: object, line: object, column: object) -> str:
    text = str(file or "bundle")
    if line is not None:
        text += f":{line}"
    if column:
        text += f" {column}"
    return text


def _print_case(case: Verdicts, label: str) -> None:
    print(f"{label} {case.bundle.name}: RosterEditor {case.ours}, peer {case.peer}")
    for rule, file, line, column in case.our_errors[:8]:
        print(f"    ours: {rule} at {_where(file, line, column)}")
    if len(case.our_errors) > 8:
        print(f"    ours: ... and {len(case.our_errors) - 8} more")
    for diag in case.peer_errors[:8]:
        print(f"    peer: {diag['code']} at {_where(diag['file'], diag['row'], diag['field'])}")
    if len(case.peer_errors) > 8:
        print(f"    peer: ... and {len(case.peer_errors) - 8} more")


def compare(bundles: Iterable[Path], peer: Path, vendor: str, reference_mode: str,
            details: bool) -> int:
    bundles = sorted(bundles)
    peer_answers = peer_verdicts(peer, bundles, reference_mode)
    cases = []
    for bundle in bundles:
        case = our_verdict(bundle, vendor)
        answer = peer_answers.get(str(bundle), {"verdict": "missing", "diags": []})
        case.peer, case.peer_errors = answer["verdict"], answer["diags"]
        cases.append(case)
    unexplained = 0
    by_decision: dict[str, int] = {}
    for case in cases:
        if case.agree:
            continue
        decisions = case.explained_by()
        if decisions is None:
            unexplained += 1
            _print_case(case, "UNEXPLAINED")
        else:
            for decision in decisions:
                by_decision[decision.anchor] = by_decision.get(decision.anchor, 0) + 1
            _print_case(case, "documented (" + ", ".join(d.anchor for d in decisions) + ")")
    if details:
        for case in cases:
            if case.agree and case.ours == "err":
                ours = {file for _, file, _, _ in case.our_errors}
                theirs = {str(d["file"] or "") for d in case.peer_errors}
                if not ours & theirs:
                    _print_case(case, "same verdict, different files:")
    disagreements = sum(not c.agree for c in cases)
    print(f"\n{len(cases)} bundles; {disagreements} disagreements, "
          f"{disagreements - unexplained} explained by documented decisions, "
          f"{unexplained} unexplained.")
    for anchor, count in sorted(by_decision.items()):
        print(f"  {count:3}  docs/validation-decisions.md#{anchor}")
    return 1 if unexplained else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("bundles", nargs="?", type=Path, help="a folder of .zip bundles")
    parser.add_argument("--peer", type=Path, help="a built checkout of LongsightGroup/oneroster")
    parser.add_argument("--vendor", default="1edtech", help="our vendor profile (default 1edtech)")
    parser.add_argument("--reference-mode", default="default",
                        choices=["default", "bulkOnly", "allRows"],
                        help="the peer's referenceMode option (default: its own default)")
    parser.add_argument("--details", action="store_true",
                        help="also list bundles both reject, but for errors in different files")
    parser.add_argument("--print-capture-hook", action="store_true",
                        help="show how to capture the bundles the peer's tests build")
    args = parser.parse_args()
    if args.print_capture_hook:
        print(_CAPTURE_HOOK)
        return 0
    if args.bundles is None or args.peer is None:
        parser.error("give a folder of bundles and --peer")
    if not (args.peer / "dist" / "index.js").exists():
        parser.error(f"{args.peer} has no dist/index.js: build it with "
                     "npx tsc -p tsconfig.build.json")
    bundles = [p for p in args.bundles.iterdir() if p.suffix.lower() == ".zip"]
    return compare(bundles, args.peer, args.vendor, args.reference_mode, args.details)


if __name__ == "__main__":
    sys.exit(main())
