"""Frozen entry point of the window (kx-ceremony-gui.exe, no console)."""

from kx_ceremony.cli import gui_main

raise SystemExit(gui_main())
