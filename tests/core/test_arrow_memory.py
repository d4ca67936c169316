"""The allocator choice: jemalloc where the pyarrow build has it, and the environment wins."""

import pyarrow as pa

from rostereditor.core.arrow_memory import use_returning_allocator


def test_prefers_jemalloc_when_available(monkeypatch):
    monkeypatch.delenv("ARROW_DEFAULT_MEMORY_POOL", raising=False)
    before = pa.default_memory_pool()
    try:
        chosen = use_returning_allocator()
        try:
            pa.jemalloc_memory_pool()
            expected = "jemalloc"
        except NotImplementedError:
            expected = before.backend_name
        assert chosen == expected
    finally:
        pa.set_memory_pool(before)


def test_an_explicit_environment_choice_is_kept(monkeypatch):
    monkeypatch.setenv("ARROW_DEFAULT_MEMORY_POOL", "system")
    before = pa.default_memory_pool()
    try:
        assert use_returning_allocator() == before.backend_name
    finally:
        pa.set_memory_pool(before)
