"""Frozen entry point of the window (kx-ceremony-gui.exe, no console)."""

import multiprocessing

# The spreadsheet reader's child process (core/sandbox.py) is this same .exe started by
# multiprocessing: it must be let through before anything else is imported or run.
multiprocessing.freeze_support()

from kx_ceremony.cli import gui_main  # noqa: E402

raise SystemExit(gui_main())
