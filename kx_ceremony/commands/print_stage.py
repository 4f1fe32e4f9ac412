"""`print script` (the MC's kịch bản) and `print lineup` (stage line-up and tray lists)."""

from __future__ import annotations

import argparse

from kx_ceremony.commands.common import Context, add_ceremony_arg, add_output_args, deliver


def register(commands: argparse._SubParsersAction, printing: argparse._SubParsersAction) -> None:
    script = printing.add_parser("script", help="kịch bản cho người dẫn chương trình")
    add_ceremony_arg(script)
    add_output_args(script)
    script.set_defaults(handler=cmd_script)
    lineup = printing.add_parser("lineup", help="sơ đồ sân khấu và khay bằng từng đợt")
    add_ceremony_arg(lineup)
    add_output_args(lineup)
    lineup.set_defaults(handler=cmd_lineup)


def cmd_script(args: argparse.Namespace, ctx: Context) -> int:
    from kx_ceremony.core.printing.script import make_script

    return deliver(
        args, lambda out: make_script(ctx.store, args.ceremony, out), "Kịch bản dẫn chương trình"
    )


def cmd_lineup(args: argparse.Namespace, ctx: Context) -> int:
    import sys

    from kx_ceremony.core.printing.lineup import lineup_warnings, make_lineup
    from kx_ceremony.core.services.stage_snapshot import load_stage_plan

    for warning in lineup_warnings(load_stage_plan(ctx.store, args.ceremony)):
        print(f"Cảnh báo: {warning}", file=sys.stderr)
    return deliver(args, lambda out: make_lineup(ctx.store, args.ceremony, out), "Sơ đồ sân khấu")
