"""Frozen entry point of the command line (kx-ceremony.exe)."""

from kx_ceremony.cli import main

raise SystemExit(main())
