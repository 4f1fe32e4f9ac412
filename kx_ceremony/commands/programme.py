"""`script-parts` (the conference programme and the MC's words) and `presenters` (who
presents, host leaders, who presents which award form).

Extensions to CLI.md:
- `script-parts --ceremony ID [--format table|json]`: the parts in order (key, held or
  not, edited or default, heading; JSON with the words in full);
- `script-parts edit KEY --ceremony ID [--text TEXT | --text-file FILE] [--title T]
  [--speaker S] [--enable | --disable]` and `script-parts reset KEY --ceremony ID`;
- `presenters --ceremony ID [--by-award] [--format table|json]`, `presenters add
  --ceremony ID --name N [--post P …] [--seniority N] [--host]`, `presenters edit ID
  --ceremony ID [--host | --guest] [--seniority N]`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kx_ceremony.commands.common import (
    Context,
    add_format_arg,
    positive_int,
    print_json,
    print_table,
)
from kx_ceremony.core.errors import UserError


def _ceremony_option(parser: argparse.ArgumentParser, default: object) -> None:
    parser.add_argument(
        "--ceremony",
        type=positive_int,
        default=default,
        metavar="ID",
        help="số (id) của buổi lễ, xem lệnh ceremonies",
    )


def register(commands: argparse._SubParsersAction, printing: argparse._SubParsersAction) -> None:
    parts = commands.add_parser(
        "script-parts", help="chương trình hội nghị và lời dẫn từng phần (kịch bản)"
    )
    _ceremony_option(parts, None)
    add_format_arg(parts)
    parts.set_defaults(handler=cmd_parts)
    verbs = parts.add_subparsers(dest="verb", metavar="VIỆC", parser_class=type(parts))
    edit = verbs.add_parser("edit", help="sửa lời dẫn, tên phần, người thực hiện, có/không")
    edit.add_argument("key", metavar="PHẦN", help="tên phần, xem lệnh script-parts")
    _ceremony_option(edit, argparse.SUPPRESS)
    words = edit.add_mutually_exclusive_group()
    words.add_argument("--text", help="lời dẫn mới (mỗi dòng một đoạn)")
    words.add_argument("--text-file", metavar="FILE", help="lời dẫn mới đọc từ tệp văn bản UTF-8")
    edit.add_argument("--title", help="tên phần mới")
    edit.add_argument("--speaker", help="người được mời thực hiện phần này")
    held = edit.add_mutually_exclusive_group()
    held.add_argument("--enable", action="store_true", help="giữ phần này trong chương trình")
    held.add_argument("--disable", action="store_true", help="bỏ phần này khỏi chương trình")
    edit.set_defaults(handler=cmd_parts_edit)
    reset = verbs.add_parser("reset", help="khôi phục tên phần và lời dẫn mặc định")
    reset.add_argument("key", metavar="PHẦN", help="tên phần, xem lệnh script-parts")
    _ceremony_option(reset, argparse.SUPPRESS)
    reset.set_defaults(handler=cmd_parts_reset)

    presenters = commands.add_parser(
        "presenters", help="người trao: cấp bậc, thuộc đơn vị tổ chức, trao hình thức nào"
    )
    _ceremony_option(presenters, None)
    presenters.add_argument(
        "--by-award", action="store_true", help="mỗi hình thức khen thưởng do ai trao"
    )
    add_format_arg(presenters)
    presenters.set_defaults(handler=cmd_presenters)
    verbs = presenters.add_subparsers(dest="verb", metavar="VIỆC", parser_class=type(presenters))
    add = verbs.add_parser("add", help="thêm người trao")
    _ceremony_option(add, argparse.SUPPRESS)
    add.add_argument("--name", required=True, help="họ và tên")
    add.add_argument(
        "--post",
        action="append",
        default=[],
        help="chức vụ, lặp lại cho từng chức vụ: chức vụ Đảng trước, chính quyền sau",
    )
    add.add_argument("--seniority", type=positive_int, default=1, help="thứ bậc, 1 là cao nhất")
    add.add_argument("--host", action="store_true", help="lãnh đạo của đơn vị tổ chức")
    add.set_defaults(handler=cmd_presenters_add)
    edit = verbs.add_parser("edit", help="đổi thứ bậc hoặc đơn vị của người trao")
    edit.add_argument("id", type=positive_int, help="id của người trao (xem lệnh presenters)")
    _ceremony_option(edit, argparse.SUPPRESS)
    side = edit.add_mutually_exclusive_group()
    side.add_argument("--host", action="store_true", help="lãnh đạo của đơn vị tổ chức")
    side.add_argument("--guest", action="store_true", help="khách mời cấp trên")
    edit.add_argument("--seniority", type=positive_int, help="thứ bậc, 1 là cao nhất")
    edit.set_defaults(handler=cmd_presenters_edit)


def _ceremony(args: argparse.Namespace) -> int:
    if getattr(args, "ceremony", None) is None:
        raise UserError(
            "Lệnh không hợp lệ: thiếu tham số bắt buộc: --ceremony. Xem lệnh ceremonies."
        )
    return int(args.ceremony)


def _state(part) -> str:  # type: ignore[no-untyped-def]
    if not part.available:
        return "không có văn bản"
    return "có" if part.enabled else "bỏ"


def cmd_parts(args: argparse.Namespace, ctx: Context) -> int:
    from kx_ceremony.core.services.conference_parts import list_parts

    parts = list_parts(ctx.store, _ceremony(args))
    if args.format == "json":
        print_json([p.to_json() for p in parts])
        return 0
    print_table(
        ["STT", "Phần", "Trong chương trình", "Lời dẫn", "Tên phần"],
        [
            [p.position, p.key, _state(p), "đã sửa" if p.edited else "mặc định", p.title]
            for p in parts
        ],
    )
    return 0


def _read_text_file(name: str) -> str:
    path = Path(name)
    try:
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise UserError(f"Không thấy tệp «{name}»: hãy kiểm tra đường dẫn.") from None
    except (UnicodeDecodeError, IsADirectoryError, PermissionError):
        raise UserError(
            f"Không đọc được «{name}» như văn bản UTF-8: hãy lưu lời dẫn thành tệp .txt UTF-8."
        ) from None


def cmd_parts_edit(args: argparse.Namespace, ctx: Context) -> int:
    from kx_ceremony.core.services.conference_parts import edit_part

    text = _read_text_file(args.text_file) if args.text_file else args.text
    enabled = True if args.enable else False if args.disable else None
    if text is None and args.title is None and args.speaker is None and enabled is None:
        raise UserError(
            "Chưa có gì để sửa: hãy thêm --text, --title, --speaker, --enable hoặc --disable."
        )
    part = edit_part(
        ctx.store,
        _ceremony(args),
        args.key,
        title=args.title,
        text=text,
        speaker=args.speaker,
        enabled=enabled,
    )
    print(f"Đã lưu phần «{part.title}».", file=sys.stderr)
    print(part.key)
    return 0


def cmd_parts_reset(args: argparse.Namespace, ctx: Context) -> int:
    from kx_ceremony.core.services.conference_parts import reset_part

    part = reset_part(ctx.store, _ceremony(args), args.key)
    print(f"Đã khôi phục lời dẫn mặc định của phần «{part.title}».", file=sys.stderr)
    print(part.key)
    return 0


def cmd_presenters(args: argparse.Namespace, ctx: Context) -> int:
    cid = _ceremony(args)
    if args.by_award:
        from kx_ceremony.core.services.award_presenters import list_form_presenters

        forms = list_form_presenters(ctx.store, cid)
        if args.format == "json":
            print_json([f.to_json() for f in forms])
            return 0
        print_table(
            ["ID", "Hình thức", "Của đơn vị tổ chức", "Người trao", "Theo"],
            [
                [
                    f.award_form_id,
                    f.award,
                    "có" if f.host_form else "",
                    "; ".join(p.name for p in f.presenters) or "chưa có",
                    "ban tổ chức chọn" if f.chosen else "mặc định",
                ]
                for f in forms
            ],
        )
        return 0
    from kx_ceremony.core.services.presenters import list_presenters

    rows = list_presenters(ctx.store, cid)
    if args.format == "json":
        print_json(
            [
                {
                    "id": p.id,
                    "seniority": p.seniority,
                    "host": p.host,
                    "name": p.name,
                    "introduction": p.introduction,
                }
                for p in rows
            ]
        )
        return 0
    print_table(
        ["ID", "Thứ bậc", "Đơn vị tổ chức", "Người trao"],
        [[p.id, p.seniority, "có" if p.host else "", p.introduction] for p in rows],
    )
    return 0


def cmd_presenters_add(args: argparse.Namespace, ctx: Context) -> int:
    from kx_ceremony.core.services.presenters import PresenterInput, add_presenter

    new_id = add_presenter(
        ctx.store,
        _ceremony(args),
        PresenterInput(args.name, tuple(args.post), seniority=args.seniority, host=args.host),
    )
    print(new_id)
    return 0


def cmd_presenters_edit(args: argparse.Namespace, ctx: Context) -> int:
    from kx_ceremony.core.services.presenters import (
        PresenterInput,
        list_presenters,
        update_presenter,
    )

    cid = _ceremony(args)
    row = next((p for p in list_presenters(ctx.store, cid) if p.id == args.id), None)
    if row is None:
        raise UserError(f"Không có người trao số {args.id} trong buổi lễ này.")
    host = True if args.host else False if args.guest else row.host
    update_presenter(
        ctx.store,
        cid,
        row.id,
        PresenterInput(
            row.name,
            row.titles,
            row.honorific,
            args.seniority or row.seniority,
            host,
        ),
    )
    print(row.id)
    return 0
