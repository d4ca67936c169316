"""Type-check with mypy (configured in pyproject.toml): the core must be clean, ui/ no worse.

    python .ci/mypy_ratchet.py            # what CI runs
    python .ci/mypy_ratchet.py --update   # after fixing ui/ errors: record the lower count

rostereditor/core is checked strictly and must have no errors. rostereditor/ui may have at
most the number of errors recorded in .ci/mypy-ui-errors.txt; when it has fewer, lower the
record (--update) so they cannot come back.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RECORD = ROOT / ".ci" / "mypy-ui-errors.txt"
ERROR = re.compile(r"^(?P<path>[^:]+):\d+: error:", re.MULTILINE)


def main() -> int:
    done = subprocess.run([sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True, text=True,
                          check=False)
    if done.returncode not in (0, 1):  # 2: mypy itself failed (bad config, crash)
        print(done.stdout + done.stderr, file=sys.stderr)
        return done.returncode
    paths = [Path(m["path"]).as_posix() for m in ERROR.finditer(done.stdout)]
    core = [p for p in paths if p.startswith("rostereditor/core/")]
    ui = [p for p in paths if p.startswith("rostereditor/ui/")]
    other = [p for p in paths if p not in core and p not in ui]
    allowed = int(RECORD.read_text().split()[0])
    print(f"mypy: core {len(core)} errors (must be 0), ui {len(ui)} (at most {allowed}), "
          f"other {len(other)} (must be 0)")
    if "--update" in sys.argv[1:] and len(ui) < allowed:
        RECORD.write_text(f"{len(ui)}\n")
        print(f"recorded {len(ui)} in {RECORD.relative_to(ROOT)}")
        allowed = len(ui)
    if core or other or len(ui) > allowed:
        print(done.stdout, file=sys.stderr)
        return 1
    if len(ui) < allowed:
        print("ui/ has fewer errors than recorded: run `python .ci/mypy_ratchet.py --update`.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
