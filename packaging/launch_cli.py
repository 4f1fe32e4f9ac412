"""Frozen entry point of the command line (kx-ceremony.exe)."""

import multiprocessing

# The spreadsheet reader's child process (core/sandbox.py) is this same .exe started by
# multiprocessing: it must be let through before anything else is imported or run.
multiprocessing.freeze_support()

from kx_ceremony.cli import main  # noqa: E402

raise SystemExit(main())
