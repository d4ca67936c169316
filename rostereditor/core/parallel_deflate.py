"""Deflate one byte stream on several cores: fixed-size blocks compressed at once, joined in order.

This is how pigz does it. Each block but the last ends with a sync flush (on a byte boundary)
and each block after the first is primed with the 32 KiB of text before it, so the blocks
joined are one ordinary raw deflate stream at the usual level. A stream that fits in one block
comes out exactly as zlib (and so Python's zipfile) would compress it.
"""

from __future__ import annotations

import zlib
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Executor, Future

Piece = bytes | memoryview

BLOCK_BYTES = 1 << 20
_WINDOW_BYTES = 1 << 15  # deflate looks back at most this far
_RAW_DEFLATE = -15  # window bits for a stream with no zlib header, as zip stores it


def _deflate_block(data: Piece, primer: bytes | None, final: bool, level: int) -> bytes:
    if primer:
        compressor = zlib.compressobj(level, zlib.DEFLATED, _RAW_DEFLATE, zlib.DEF_MEM_LEVEL,
                                      zlib.Z_DEFAULT_STRATEGY, primer)
    else:
        compressor = zlib.compressobj(level, zlib.DEFLATED, _RAW_DEFLATE)
    out = compressor.compress(data)
    return out + compressor.flush(zlib.Z_FINISH if final else zlib.Z_SYNC_FLUSH)


class BlockDeflater:
    """Feed it text piece by piece; it hands back compressed bytes, in order, as blocks finish.

    At most `in_flight` blocks wait for the workers, so memory stays bounded however fast the
    text comes; meanwhile the caller can prepare the next piece of text.
    """

    def __init__(self, workers: Executor, *, level: int = zlib.Z_DEFAULT_COMPRESSION,
                 block_bytes: int = BLOCK_BYTES, in_flight: int = 8) -> None:
        self._workers = workers
        self._level = level
        self._block_bytes = block_bytes
        self._in_flight = max(1, in_flight)
        self._waiting: list[memoryview] = []  # text not yet in a block
        self._waiting_bytes = 0
        self._primer: bytes | None = None
        self._running: deque[Future[bytes]] = deque()

    def feed(self, data: Piece) -> Iterator[bytes]:
        """Take more text; yields the compressed bytes that are ready (possibly none)."""
        view = memoryview(data).cast("B")
        if view.nbytes:
            self._waiting.append(view)
            self._waiting_bytes += view.nbytes
        # A block is sent only when text follows it: the last block must end the stream.
        while self._waiting_bytes > self._block_bytes:
            self._submit(self._take(self._block_bytes), final=False)
            yield from self._collect(block=len(self._running) > self._in_flight)

    def finish(self) -> Iterator[bytes]:
        """Compress what is left as the final block; yields every remaining compressed byte."""
        self._submit(self._take(self._waiting_bytes), final=True)
        while self._running:
            yield self._running.popleft().result()

    def _take(self, count: int) -> Piece:
        if count == 0:
            return b""
        parts: list[memoryview] = []
        needed = count
        while needed:
            head = self._waiting[0]
            if head.nbytes <= needed:
                parts.append(self._waiting.pop(0))
                needed -= head.nbytes
            else:
                parts.append(head[:needed])
                self._waiting[0] = head[needed:]
                needed = 0
        self._waiting_bytes -= count
        return parts[0] if len(parts) == 1 else b"".join(parts)

    def _submit(self, block: Piece, *, final: bool) -> None:
        self._running.append(
            self._workers.submit(_deflate_block, block, self._primer, final, self._level))
        tail = memoryview(block)[-_WINDOW_BYTES:]
        self._primer = bytes(tail) if tail.nbytes else self._primer

    def _collect(self, *, block: bool) -> Iterator[bytes]:
        while self._running and (self._running[0].done() or block):
            yield self._running.popleft().result()
            block = False
