"""A frozen copy of a bundle's values, so a comparison can run in a worker while the user edits.

Taking the copy is cheap (each column is its immutable Arrow array with the edits applied,
shared, not copied) and must happen on the thread that edits; the worker then reads only the
copy. Row ids and lines are the live tables' own, so whatever the worker finds points at the
live records.
"""

from __future__ import annotations

import dataclasses

from rostereditor.core.bundle import Bundle


def snapshot_bundle(bundle: Bundle) -> Bundle:
    """Every file's table as it is now (see Table.snapshot); the rest of the bundle as is."""
    copy = dataclasses.replace(bundle, files=dict(bundle.files), modes=dict(bundle.modes),
                               notices=list(bundle.notices))
    for name, file in bundle.files.items():
        copy.files[name] = dataclasses.replace(file, table=file.table.snapshot())
    return copy
