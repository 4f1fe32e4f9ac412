"""Moved to ``kx_ceremony.core.services.row_types``; this old name stays an alias of that module
for code written before the move (remove it once nothing imports it)."""

import sys

from kx_ceremony.core.services import row_types as _moved

sys.modules[__name__] = _moved
