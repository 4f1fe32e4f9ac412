"""A printable document as the «In ấn» screen offers it: its own module, so that the screen
(``documents_view``) and the option panels (``print_options``) both use it without
importing each other.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QWidget

from kx_ceremony.core.store import Store
from kx_ceremony.ui.tasks import ProgressFn

Maker = Callable[[Store, int, Path, dict[str, Any], ProgressFn], Path]


@dataclass
class DocumentKind:
    key: str
    title: str
    file_stem: str
    make: Maker
    options: Callable[[], tuple[QWidget, Callable[[], dict[str, Any]]]] = field(
        default=lambda: (QWidget(), dict)
    )
    help: str = ""
