"""Find likely sourcedId changes among one file's removed and added records, vectorized."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from rostereditor.core.comparison.id_changes import IdChanges
from rostereditor.core.comparison.identity_rules import (
    IdentityField,
    IdentityRule,
    evidence_fields,
    rules_for,
)
from rostereditor.core.comparison.record_keys import column_or_blank, whole
from rostereditor.core.table import Table

_SEPARATOR = "\x1f"


class _Side:
    """One bundle's view of a file: reads identity fields at given row positions."""

    def __init__(self, table: Table, tables: Mapping[str, Table], key: str,
                 translations: Mapping[str, IdChanges] | None) -> None:
        self.table = table
        self.tables = tables
        self.key = key
        # Only OLD values are translated: they are mapped onto NEW's IDs before comparing.
        self.translations = translations
        self._columns: dict[tuple[int, str], pa.Array] = {}

    def column(self, table: Table, name: str) -> pa.Array:
        cache_key = (id(table), name)
        if cache_key not in self._columns:
            self._columns[cache_key] = column_or_blank(table, name)
        return self._columns[cache_key]

    def raw(self, item: IdentityField, positions: pa.Array) -> pa.Array:
        if item.source_file is None:
            return self.column(self.table, item.column).take(positions)
        other = self.tables.get(item.source_file)
        if other is None:
            return pa.array([""] * len(positions), pa.string())
        ids = self.column(self.table, self.key).take(positions)
        where = pc.index_in(ids, value_set=self.column(other, self.key))
        return pc.fill_null(self.column(other, item.column).take(where), "")

    def normalized(self, item: IdentityField, positions: pa.Array) -> pa.Array:
        values = self.raw(item, positions)
        if item.target and self.translations is not None and item.target in self.translations:
            values = self.translations[item.target].translate(values)
        return pc.utf8_lower(pc.utf8_trim_whitespace(values))

    def composite(self, rule: IdentityRule, positions: pa.Array) -> tuple[pa.Array, np.ndarray]:
        parts = [self.normalized(f, positions) for f in rule.fields]
        usable = np.ones(len(positions), dtype=bool)
        for part in parts:
            usable &= _flags(pc.not_equal(part, ""))
        joined = parts[0] if len(parts) == 1 else pc.binary_join_element_wise(*parts, _SEPARATOR)
        return whole(joined), usable


def find_id_changes(file: str, key: str, old: Table, new: Table, *, removed: np.ndarray,
                    added: np.ndarray, old_tables: Mapping[str, Table],
                    new_tables: Mapping[str, Table],
                    translations: Mapping[str, IdChanges]) -> IdChanges:
    """Pair removed OLD rows with added NEW rows (row positions) that share identifying fields."""
    rules = rules_for(file)
    if not rules or not len(removed) or not len(added):
        return IdChanges.empty()
    old_side = _Side(old, old_tables, key, translations)
    new_side = _Side(new, new_tables, key, None)
    open_old, open_new = removed.astype(np.int64), added.astype(np.int64)
    found_old: list[np.ndarray] = []
    found_new: list[np.ndarray] = []
    found_rule: list[np.ndarray] = []
    for number, rule in enumerate(rules):
        if not len(open_old) or not len(open_new):
            break
        old_keys, old_ok = old_side.composite(rule, pa.array(open_old))
        new_keys, new_ok = new_side.composite(rule, pa.array(open_new))
        old_ok &= _unique(old_keys, old_ok)
        new_ok &= _unique(new_keys, new_ok)
        old_sel, new_sel = np.flatnonzero(old_ok), np.flatnonzero(new_ok)
        if not len(old_sel) or not len(new_sel):
            continue
        hits = pc.index_in(new_keys.take(pa.array(new_sel)), value_set=old_keys.take(pa.array(old_sel)))
        where = np.asarray(hits.fill_null(-1).to_numpy(zero_copy_only=False), dtype=np.int64)
        paired = where >= 0
        if not paired.any():
            continue
        pair_old = open_old[old_sel[where[paired]]]
        pair_new = open_new[new_sel[paired]]
        found_old.append(pair_old)
        found_new.append(pair_new)
        found_rule.append(np.full(len(pair_old), number))
        open_old = open_old[~np.isin(open_old, pair_old)]
        open_new = open_new[~np.isin(open_new, pair_new)]
    if not found_old:
        return IdChanges.empty()
    pair_old, pair_new = np.concatenate(found_old), np.concatenate(found_new)
    rule_numbers = np.concatenate(found_rule)
    order = np.argsort(pair_new, kind="stable")
    pair_old, pair_new, rule_numbers = pair_old[order], pair_new[order], rule_numbers[order]
    at_old, at_new = pa.array(pair_old), pa.array(pair_new)
    labels = pa.array([r.label for r in rules], pa.string()).take(pa.array(rule_numbers))
    evidence: dict[str, pa.Array] = {}
    for item in evidence_fields(file):
        agree = pc.and_(pc.equal(old_side.normalized(item, at_old), new_side.normalized(item, at_new)),
                        pc.not_equal(new_side.normalized(item, at_new), ""))
        evidence[item.shown] = pc.if_else(agree, new_side.raw(item, at_new),
                                           pa.scalar(None, pa.string()))
    return IdChanges(
        old_side.column(old, key).take(at_old), new_side.column(new, key).take(at_new),
        old.row_ids()[pair_old], new.row_ids()[pair_new], labels, evidence)


def _flags(array: pa.Array | pa.ChunkedArray) -> np.ndarray:
    return np.asarray(array.fill_null(False).to_numpy(zero_copy_only=False), dtype=bool)


def _unique(keys: pa.Array, usable: np.ndarray) -> np.ndarray:
    """Which usable keys occur exactly once among the usable ones."""
    if not usable.any():
        return usable
    counts = pc.value_counts(keys.filter(pa.array(usable)))
    once = counts.field("values").filter(pc.equal(counts.field("counts"), 1))
    return _flags(pc.is_in(keys, value_set=once))
