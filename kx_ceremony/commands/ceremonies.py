"""`demo`, `ceremonies`, `new-ceremony`."""

from __future__ import annotations

import argparse

from kx_ceremony.commands.common import (
    Context,
    add_format_arg,
    parse_date,
    positive_int,
    print_json,
    print_table,
)
from kx_ceremony.core.services.ceremonies import CeremonyInput, create_ceremony, list_ceremonies


def register(commands: argparse._SubParsersAction, printing: argparse._SubParsersAction) -> None:
    demo = commands.add_parser("demo", help="tạo buổi lễ mẫu (Kiến Xương, 05/01/2023)")
    demo.set_defaults(handler=cmd_demo)

    listing = commands.add_parser("ceremonies", help="liệt kê các buổi lễ")
    add_format_arg(listing)
    listing.set_defaults(handler=cmd_ceremonies)

    new = commands.add_parser(
        "new-ceremony", help="tạo buổi lễ trống với danh mục khen thưởng mặc định"
    )
    new.add_argument("--title", required=True, help="tên buổi lễ")
    new.add_argument("--date", required=True, type=parse_date, help="ngày tổ chức, YYYY-MM-DD")
    new.add_argument("--place", default="", help="địa danh ghi ở dòng ngày tháng, ví dụ Kiến Xương")
    new.add_argument("--organiser", default="", help="cơ quan tổ chức")
    new.add_argument("--province", default="", help="tỉnh, để điền dòng cơ quan trên bằng khen")
    new.add_argument(
        "--per-round", type=positive_int, default=10, help="số người mỗi đợt lên sân khấu"
    )
    new.set_defaults(handler=cmd_new_ceremony)


def cmd_demo(args: argparse.Namespace, ctx: Context) -> int:
    from kx_ceremony.core.demo import create_demo

    ceremony_id = create_demo(ctx.store)
    print("Đã tạo buổi lễ mẫu: Hội nghị tổng kết thi đua, khen thưởng năm 2022 huyện Kiến Xương.")
    print(ceremony_id)
    return 0


def cmd_ceremonies(args: argparse.Namespace, ctx: Context) -> int:
    rows = list_ceremonies(ctx.store)
    if args.format == "json":
        print_json([r.to_json() for r in rows])
    elif not rows:
        print(
            "Chưa có buổi lễ nào. Tạo một buổi bằng lệnh new-ceremony, hoặc buổi mẫu bằng lệnh demo."
        )
    else:
        print_table(
            ["ID", "Ngày", "Số người", "Tên buổi lễ"],
            [
                [
                    r.id,
                    r.held_on.strftime("%d/%m/%Y"),
                    r.honouree_count,
                    r.title + (" (mẫu)" if r.is_sample else ""),
                ]
                for r in rows
            ],
        )
    return 0


def cmd_new_ceremony(args: argparse.Namespace, ctx: Context) -> int:
    ceremony_id = create_ceremony(
        ctx.store,
        CeremonyInput(
            title=args.title,
            held_on=args.date,
            place=args.place,
            organiser=args.organiser,
            province=args.province,
            per_round=args.per_round,
        ),
    )
    print(f"Đã tạo buổi lễ «{args.title.strip()}».")
    print(ceremony_id)
    return 0
