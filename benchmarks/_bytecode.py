"""Benchmarks time the program as installed: pip byte-compiles an installed package, so
the checkout is compiled the same way first (a shell with PYTHONDONTWRITEBYTECODE set
would otherwise compile every module from source on every timed launch)."""

from __future__ import annotations

import compileall
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def ensure_bytecode() -> None:
    compileall.compile_dir(str(ROOT / "kx_ceremony"), quiet=1)
