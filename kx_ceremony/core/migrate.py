"""Moved to ``kx_ceremony.core.store.schema``; this old name stays an alias of that module for
code written before the move (remove it once nothing imports it)."""

import sys

from kx_ceremony.core.store import schema as _moved

sys.modules[__name__] = _moved
