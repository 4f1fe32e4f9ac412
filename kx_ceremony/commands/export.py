"""`export --ceremony ID -o OUT.xlsx`: the honouree lists as a workbook."""

from __future__ import annotations

import argparse
from pathlib import Path

from kx_ceremony.commands.common import Context, add_ceremony_arg


def register(commands: argparse._SubParsersAction, printing: argparse._SubParsersAction) -> None:
    """Add this module's commands: top-level ones to `commands`, `print X` ones to `printing`."""
    export = commands.add_parser(
        "export", help="xuất danh sách khen thưởng ra tệp Excel (mỗi hình thức một trang)"
    )
    add_ceremony_arg(export)
    export.add_argument(
        "-o", "--output", required=True, type=Path, metavar="OUT.xlsx", help="tệp Excel cần ghi"
    )
    export.set_defaults(handler=cmd_export)


def cmd_export(args: argparse.Namespace, ctx: Context) -> int:
    from kx_ceremony.core.exporting import export_honourees

    written = export_honourees(ctx.store, args.ceremony, args.output)
    print(written)
    return 0
