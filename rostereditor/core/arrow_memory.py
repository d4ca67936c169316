"""Choose Arrow's memory allocator for this process: one that hands freed memory back."""

from __future__ import annotations

import contextlib
import os

import pyarrow as pa


def use_returning_allocator() -> str:
    """Prefer jemalloc, which returns freed parse buffers to the system promptly.

    Arrow's default (mimalloc) keeps them, so after a large file is read the process stays
    ~100 MB bigger than its data. jemalloc is not in every pyarrow build (Windows lacks it);
    there the default stays. ARROW_DEFAULT_MEMORY_POOL, when set, always wins.
    """
    if os.environ.get("ARROW_DEFAULT_MEMORY_POOL"):
        return str(pa.default_memory_pool().backend_name)
    with contextlib.suppress(NotImplementedError, pa.ArrowNotImplementedError):
        pa.set_memory_pool(pa.jemalloc_memory_pool())
        # Hand freed pages back at once rather than after a decay period: a parse's scratch
        # is large and short-lived, and the next file's parse should reuse the room.
        pa.jemalloc_set_decay_ms(0)
    return str(pa.default_memory_pool().backend_name)
