"""Moved to ``kx_ceremony.core.text.tcvn3``; this old name stays an alias of that module for
code written before the move (remove it once nothing imports it)."""

import sys

from kx_ceremony.core.text import tcvn3 as _moved

sys.modules[__name__] = _moved
