"""`ledger` (the ledger of blanks) and `register-pattern` (how số sổ vàng are written)."""

from __future__ import annotations

import argparse

from kx_ceremony.commands.common import (
    Context,
    add_ceremony_arg,
    add_format_arg,
    print_json,
    print_table,
)

TARGET_WORDS = {"printer": "máy in", "file": "tệp"}


def register(commands: argparse._SubParsersAction, printing: argparse._SubParsersAction) -> None:
    ledger = commands.add_parser(
        "ledger", help="sổ theo dõi phôi: mọi bằng khen, giấy khen đã in (ra máy in hoặc tệp)"
    )
    add_ceremony_arg(ledger)
    add_format_arg(ledger)
    ledger.set_defaults(handler=cmd_ledger)

    pattern = commands.add_parser(
        "register-pattern",
        help="mẫu số sổ vàng tự cấp theo hình thức và năm, ví dụ «{year}/{n:04d}»",
    )
    add_ceremony_arg(pattern)
    pattern.add_argument("--award", metavar="NAME", help="hình thức khen thưởng cần đặt mẫu")
    pattern.add_argument(
        "pattern",
        nargs="?",
        metavar="PATTERN",
        help='mẫu có {n} (số thứ tự) và {year} (năm); "" để tắt; bỏ trống để xem các mẫu',
    )
    pattern.set_defaults(handler=cmd_register_pattern)


def cmd_ledger(args: argparse.Namespace, ctx: Context) -> int:
    from kx_ceremony.core.services.print_ledger import MODE_WORDS, list_ledger

    rows = list_ledger(ctx.store, args.ceremony)
    if args.format == "json":
        print_json([r.to_json() for r in rows])
        return 0
    if not rows:
        print("Chưa in bằng khen, giấy khen nào của buổi lễ này.")
        return 0
    print_table(
        ["Lúc in", "Họ tên / Tập thể", "Hình thức", "Kiểu in", "Số sổ vàng", "In ra", "In lại"],
        [
            [
                r.printed_at.strftime("%d/%m/%Y %H:%M:%S"),
                r.honouree_name,
                r.award_name,
                MODE_WORDS.get(r.mode, r.mode),
                r.register_number,
                f"{TARGET_WORDS.get(r.target_kind, r.target_kind)}: {r.target}",
                f"có: {r.reason}" if r.reprint else "",
            ]
            for r in rows
        ],
    )
    return 0


def cmd_register_pattern(args: argparse.Namespace, ctx: Context) -> int:
    from kx_ceremony.core.errors import UserError
    from kx_ceremony.core.services.awards import find_award_form, list_award_forms
    from kx_ceremony.core.services.register_numbers import set_register_pattern

    if args.pattern is None:
        if args.award:
            raise UserError("Hãy ghi mẫu số sổ vàng sau --award, ví dụ «{year}/{n:04d}».")
        forms = list_award_forms(ctx.store, args.ceremony)
        print_table(
            ["Hình thức", "Mẫu số sổ vàng"],
            [[f.full_name, f.register_pattern or "(không tự cấp)"] for f in forms],
        )
        return 0
    if not args.award:
        raise UserError("Hãy chọn hình thức khen thưởng bằng --award NAME.")
    form = find_award_form(ctx.store, args.ceremony, args.award)
    saved = set_register_pattern(ctx.store, args.ceremony, form.id, args.pattern)
    if saved.register_pattern:
        print(f"«{saved.full_name}»: số sổ vàng tự cấp theo mẫu {saved.register_pattern}")
    else:
        print(f"«{saved.full_name}»: không tự cấp số sổ vàng")
    return 0
