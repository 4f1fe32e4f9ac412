"""Moved: damage to ``kx_ceremony.core.store.repair``, recovery to ``store.maintenance``.

This old name stays for code written before the move (remove it once nothing imports it).
"""

from kx_ceremony.core.store.maintenance import Recovery, recover_store
from kx_ceremony.core.store.repair import (
    DamagedStore,
    damage_found,
    keep_damaged_aside,
    refuse_if_damaged,
)

__all__ = [
    "DamagedStore",
    "Recovery",
    "damage_found",
    "keep_damaged_aside",
    "recover_store",
    "refuse_if_damaged",
]
