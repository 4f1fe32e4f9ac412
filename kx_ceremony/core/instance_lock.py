"""Moved to ``kx_ceremony.core.store.window_lock``; this old name stays an alias of that module for
code written before the move (remove it once nothing imports it)."""

import sys

from kx_ceremony.core.store import window_lock as _moved

sys.modules[__name__] = _moved
