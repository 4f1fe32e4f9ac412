"""`honourees`: the list in presentation order, as a table, JSON or CSV."""

from __future__ import annotations

import argparse
import csv
import sys

from kx_ceremony.commands.common import (
    Context,
    add_ceremony_arg,
    add_format_arg,
    print_json,
    print_table,
)
from kx_ceremony.core.model import KIND_LABELS, Kind
from kx_ceremony.core.services.honourees import list_honourees


def register(commands: argparse._SubParsersAction, printing: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "honourees", help="danh sách người/tập thể được khen, theo thứ tự trao"
    )
    add_ceremony_arg(parser)
    parser.add_argument(
        "--search", default=None, help="tìm theo tên, đơn vị, chức vụ (không phân biệt dấu)"
    )
    add_format_arg(parser, ("table", "json", "csv"))
    parser.set_defaults(handler=cmd_honourees)


def cmd_honourees(args: argparse.Namespace, ctx: Context) -> int:
    rows = list_honourees(ctx.store, args.ceremony, search=args.search)
    if args.format == "json":
        print_json([r.to_json() for r in rows])
    elif args.format == "csv":
        keys = list(rows[0].to_json()) if rows else ["id", "name", "kind", "award"]
        writer = csv.DictWriter(sys.stdout, fieldnames=keys, lineterminator="\n")
        writer.writeheader()
        writer.writerows(r.to_json() for r in rows)
    elif not rows:
        print(
            "Không có ai"
            + (f" khớp với «{args.search}»." if args.search else " trong buổi lễ này.")
        )
    else:
        print_table(
            ["STT", "Họ tên / Tập thể", "Đối tượng", "Hình thức", "Đơn vị", "Đợt", "Vị trí"],
            [
                [
                    i,
                    r.name,
                    KIND_LABELS[Kind(r.kind)],
                    r.award,
                    r.unit,
                    r.round,
                    r.position_on_stage,
                ]
                for i, r in enumerate(rows, start=1)
            ],
        )
    return 0
