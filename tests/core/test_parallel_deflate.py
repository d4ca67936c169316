"""Deflating on several cores gives one ordinary deflate stream that inflates to the same text."""

from __future__ import annotations

import zlib
from concurrent.futures import ThreadPoolExecutor

from hypothesis import given, settings
from hypothesis import strategies as st

from rostereditor.core.parallel_deflate import BlockDeflater


def _deflate(pieces: list[bytes], block_bytes: int, in_flight: int = 2) -> bytes:
    with ThreadPoolExecutor(max_workers=2) as pool:
        deflater = BlockDeflater(pool, block_bytes=block_bytes, in_flight=in_flight)
        out = [part for piece in pieces for part in deflater.feed(piece)]
        out.extend(deflater.finish())
    return b"".join(out)


@settings(max_examples=60, deadline=None)
@given(pieces=st.lists(st.binary(max_size=3000), max_size=12), block_bytes=st.integers(1, 5000))
def test_blocks_joined_inflate_to_the_text_fed_in_whatever_the_pieces(pieces, block_bytes):
    stream = _deflate(pieces, block_bytes)
    assert zlib.decompress(stream, -15) == b"".join(pieces)


def test_long_text_of_many_blocks_compresses_about_as_well_as_one_stream():
    text = b"".join(b"s%07d,c%05d,student,2024-08-15\r\n" % (i, i % 997) for i in range(200_000))
    pieces = [text[i : i + 700_000] for i in range(0, len(text), 700_000)]
    stream = _deflate(pieces, block_bytes=1 << 17, in_flight=3)
    assert zlib.decompress(stream, -15) == text
    assert len(stream) <= len(zlib.compress(text, 6)) * 1.02


def test_text_within_one_block_is_compressed_exactly_as_zlib_does():
    text = b"sourcedId,role\r\nu1,student\r\n" * 100
    expected = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
    assert _deflate([text[:10], memoryview(text)[10:]], 1 << 20) == (
        expected.compress(text) + expected.flush())


def test_nothing_fed_gives_the_empty_stream():
    assert zlib.decompress(_deflate([], 1 << 20), -15) == b""
