"""Sub-commands for this area; filled in by the issue that builds it."""

from __future__ import annotations

import argparse


def register(commands: argparse._SubParsersAction, printing: argparse._SubParsersAction) -> None:
    """Add this module's commands: top-level ones to `commands`, `print X` ones to `printing`."""
