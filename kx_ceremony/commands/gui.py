"""`gui` (and no command at all): open the main window."""

from __future__ import annotations

import argparse

from kx_ceremony.commands.common import Context


def register(commands: argparse._SubParsersAction, printing: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("gui", help="mở cửa sổ chương trình (mặc định)")
    parser.set_defaults(handler=run_gui)


def run_gui(args: argparse.Namespace, ctx: Context) -> int:
    from kx_ceremony.ui.app import run

    return run(ctx)
