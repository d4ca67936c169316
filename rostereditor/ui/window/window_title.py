"""The window title and file path for a bundle (Qt draws the modified marker at [*])."""

from __future__ import annotations

from rostereditor.core.bundle import Bundle


def bundle_title(bundle: Bundle | None, untitled: str | None = None) -> str:
    """How the bundle is named in the title and in the unsaved-changes prompt; `untitled`
    names a copy not saved yet (the sample)."""
    # A bundle made here (a conversion) may keep the source it was made from: not its name.
    if bundle is None or bundle.source is None or bundle.source_kind == "new":
        return f"{untitled} (not saved yet)" if untitled else "Untitled bundle"
    if bundle.source_kind == "files":
        return f"CSV files in {bundle.source.name}"
    return bundle.source.name


def window_title(bundle: Bundle | None, app_name: str, untitled: str | None = None) -> str:
    if bundle is None:
        return app_name
    # [*] is where Qt shows the modified marker (and macOS the dot in the close button).
    return f"{bundle_title(bundle, untitled)}[*] \u2014 {app_name}"


def window_file_path(bundle: Bundle | None) -> str:
    """The proxy icon's file on macOS: only for a zip or folder that Save writes back to."""
    if bundle is None or bundle.source is None or bundle.source_kind not in ("zip", "folder"):
        return ""
    return str(bundle.source)
