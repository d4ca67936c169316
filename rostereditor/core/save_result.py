"""What a save did: where the bundle went, where the originals were kept, what it had to repair."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from rostereditor.core.folder_swap import SwapRecovery


@dataclass(frozen=True)
class SaveResult:
    """The outcome of a successful save, for the window and the command line to tell the user.

    backup is where this save kept the originals it replaced for the first time (a
    `<name>.bak` file beside a zip, a `<folder>.bak` folder beside a folder), or None when it
    replaced nothing new. recovered describes an earlier, interrupted save it had to finish.
    """

    target: Path
    kind: Literal["zip", "folder"]
    backup: Path | None = None
    backup_beside: bool = True
    recovered: SwapRecovery | None = None

    def backup_message(self) -> str | None:
        """One sentence saying where the originals are, or None when this save made no backup."""
        if self.backup is None:
            return None
        if self.kind == "zip":
            return f"The previous {self.target.name} was kept as {self.backup.name}."
        if self.backup_beside:
            return (f"The files as they were before saving are kept in the folder "
                    f"{self.backup.name}, beside {self.target.name} (not inside it, so they are "
                    "not sent with the bundle).")
        return (f"The files as they were before saving are kept in {self.backup} (the folder "
                f"beside {self.target.name} could not be written).")
