"""`printers`: the printers the operating system offers (Qt's QPrinterInfo)."""

from __future__ import annotations

import argparse

from kx_ceremony.commands.common import Context, add_format_arg, print_json, print_table


def register(commands: argparse._SubParsersAction, printing: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("printers", help="các máy in có thể in thẳng (--printer NAME)")
    add_format_arg(parser)
    parser.set_defaults(handler=cmd_printers)


def cmd_printers(args: argparse.Namespace, ctx: Context) -> int:
    from kx_ceremony.printer.qt_printer import list_printers

    printers = list_printers()
    if args.format == "json":
        print_json(
            [{"name": p.name, "default": p.is_default, "trays": list(p.trays)} for p in printers]
        )
    elif not printers:
        print("Máy này chưa cài máy in nào; hãy cài máy in trong hệ điều hành rồi thử lại.")
    else:
        print_table(
            ["Máy in", "Mặc định", "Khay giấy"],
            [[p.name, "có" if p.is_default else "", ", ".join(p.trays)] for p in printers],
        )
    return 0
