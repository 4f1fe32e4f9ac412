"""`awards` and `decisions`: the ceremony's award catalogue and the decisions (see the README's «Command line»)."""

from __future__ import annotations

import argparse
import sys
from dataclasses import asdict, replace
from typing import Any

from kx_ceremony.commands.common import (
    Context,
    add_format_arg,
    parse_date,
    positive_int,
    print_json,
    print_table,
)
from kx_ceremony.core.award_types import AWARD_TYPES
from kx_ceremony.core.errors import UserError


def _ceremony_option(parser: argparse.ArgumentParser, top: bool) -> None:
    # On the command and on each sub-command, so it may come before or after the verb.
    parser.add_argument(
        "--ceremony",
        type=positive_int,
        metavar="ID",
        default=None if top else argparse.SUPPRESS,
        help="số (id) của buổi lễ, xem lệnh ceremonies",
    )


def _kinds(text: str) -> list[str]:
    return [k.strip() for k in text.split(",") if k.strip()]


def _award_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--full-name", help="tên đầy đủ, ví dụ «Bằng khen của Chủ tịch UBND tỉnh»")
    parser.add_argument("--short-name", help="tên ngắn")
    parser.add_argument("--printed-word", help="chữ in to trên bằng, ví dụ «GIẤY KHEN»")
    parser.add_argument("--authority-line", help="dòng cơ quan trên bằng (chữ in hoa)")
    parser.add_argument("--rank", type=int, help="thứ bậc: số nhỏ trao trước")
    parser.add_argument(
        "--kinds",
        type=_kinds,
        help="đối tượng, cách nhau dấu phẩy: collective,individual,household",
    )
    parser.add_argument(
        "--type",
        dest="award_type",
        choices=AWARD_TYPES,
        help="loại: certificate (bằng khen, giấy khen), title (danh hiệu thi đua: in «DANH "
        "HIỆU …»), flag (cờ thi đua: không in bằng giấy, in nhãn cờ)",
    )
    abbreviations = parser.add_mutually_exclusive_group()
    abbreviations.add_argument(
        "--keep-abbreviations",
        dest="keep_abbreviations",
        action="store_const",
        const=True,
        default=None,
        help="in chữ viết tắt như đã nhập (UBND, THCS…) trên bằng của hình thức này",
    )
    abbreviations.add_argument(
        "--spell-out",
        dest="keep_abbreviations",
        action="store_const",
        const=False,
        help="viết đầy đủ chữ viết tắt trên bằng (mặc định)",
    )
    stage = parser.add_mutually_exclusive_group()
    stage.add_argument(
        "--on-stage",
        dest="on_stage",
        action="store_const",
        const=True,
        default=None,
        help="trao trên sân khấu (mặc định)",
    )
    stage.add_argument(
        "--off-stage",
        dest="on_stage",
        action="store_const",
        const=False,
        help="không trao trên sân khấu: đơn vị nhận về trao (in theo đơn vị, kèm danh sách ký nhận)",
    )


def _decision_options(parser: argparse.ArgumentParser, adding: bool) -> None:
    parser.add_argument(
        "--award", required=adding, help="hình thức khen thưởng (tên hoặc tên gọi khác)"
    )
    parser.add_argument("--number", required=adding, help="số quyết định, ví dụ 123/QĐ-UBND")
    parser.add_argument("--date", type=parse_date, required=adding, help="ngày ký, YYYY-MM-DD")
    parser.add_argument("--authority", help="cơ quan ban hành, ví dụ «ỦY BAN NHÂN DÂN XÃ VŨ QUÝ»")
    parser.add_argument("--signer-title", help="«CHỦ TỊCH», hoặc «KT. CHỦ TỊCH» khi cấp phó ký")
    parser.add_argument("--signer-subtitle", help="«PHÓ CHỦ TỊCH» khi cấp phó ký thay")
    parser.add_argument("--signer-name", help="họ tên người ký")
    parser.add_argument("--place", help="địa danh ở dòng ngày tháng")


def register(commands: argparse._SubParsersAction, printing: argparse._SubParsersAction) -> None:
    awards = commands.add_parser("awards", help="danh mục hình thức khen thưởng của buổi lễ")
    _ceremony_option(awards, True)
    add_format_arg(awards)
    awards.set_defaults(handler=cmd_awards)
    verbs = awards.add_subparsers(dest="verb", metavar="VIỆC", parser_class=type(awards))
    add = verbs.add_parser("add", help="thêm hình thức khen thưởng")
    _ceremony_option(add, False)
    _award_options(add)
    add.add_argument("--head", help="giấy khen của người đứng đầu cơ quan: chức vụ, ví dụ Giám đốc")
    add.add_argument("--issuer", help="cơ quan, đơn vị của người đứng đầu, ví dụ Sở Tư pháp tỉnh …")
    add.set_defaults(handler=cmd_awards_add)
    edit = verbs.add_parser("edit", help="sửa một hình thức khen thưởng")
    edit.add_argument("id", type=positive_int, help="id của hình thức (xem lệnh awards)")
    _ceremony_option(edit, False)
    _award_options(edit)
    edit.set_defaults(handler=cmd_awards_edit)
    alias = verbs.add_parser("alias", help="thêm tên gọi khác mà bảng tính hay dùng")
    alias.add_argument("id", type=positive_int, help="id của hình thức (xem lệnh awards)")
    alias.add_argument("alias", help="tên gọi khác, ví dụ «BK tỉnh»")
    _ceremony_option(alias, False)
    alias.set_defaults(handler=cmd_awards_alias)

    decisions = commands.add_parser("decisions", help="các quyết định khen thưởng của buổi lễ")
    _ceremony_option(decisions, True)
    add_format_arg(decisions)
    decisions.set_defaults(handler=cmd_decisions)
    verbs = decisions.add_subparsers(dest="verb", metavar="VIỆC", parser_class=type(decisions))
    add = verbs.add_parser("add", help="thêm quyết định")
    _ceremony_option(add, False)
    _decision_options(add, True)
    add.set_defaults(handler=cmd_decisions_add)
    edit = verbs.add_parser("edit", help="sửa quyết định")
    edit.add_argument("id", type=positive_int, help="id của quyết định (xem lệnh decisions)")
    _ceremony_option(edit, False)
    _decision_options(edit, False)
    edit.set_defaults(handler=cmd_decisions_edit)


def _ceremony(args: argparse.Namespace) -> int:
    if args.ceremony is None:
        raise UserError(
            "Lệnh không hợp lệ: thiếu tham số bắt buộc: --ceremony. Xem lệnh ceremonies."
        )
    return int(args.ceremony)


def _award_json(form: Any) -> dict[str, Any]:
    keys = ("id", "code", "full_name", "short_name", "printed_word", "authority_line", "rank")
    data = {k: getattr(form, k) for k in keys}
    data["award_type"] = form.award_type
    data["keep_abbreviations"] = form.keep_abbreviations
    data["on_stage"] = form.on_stage
    data["kinds"] = list(form.kinds)
    data["aliases"] = list(form.aliases)
    return data


def cmd_awards(args: argparse.Namespace, ctx: Context) -> int:
    from kx_ceremony.core.services.awards import list_award_forms

    forms = list_award_forms(ctx.store, _ceremony(args))
    if args.format == "json":
        print_json([_award_json(f) for f in forms])
        return 0
    print_table(
        ["ID", "Thứ bậc", "Hình thức", "Dòng cơ quan", "Tên gọi khác"],
        [[f.id, f.rank, f.full_name, f.authority_line, "; ".join(f.aliases)] for f in forms],
    )
    return 0


def _award_values(args: argparse.Namespace) -> dict[str, Any]:
    names = (
        "full_name",
        "short_name",
        "printed_word",
        "authority_line",
        "rank",
        "kinds",
        "award_type",
        "keep_abbreviations",
    )
    return {k: getattr(args, k) for k in names if getattr(args, k) is not None}


def cmd_awards_add(args: argparse.Namespace, ctx: Context) -> int:
    from kx_ceremony.core.services.awards import add_agency_award, add_award_form

    ceremony = _ceremony(args)
    values = _award_values(args)
    if args.head or args.issuer:
        form_id = add_agency_award(ctx.store, ceremony, args.head or "", args.issuer or "")
        if values:
            from kx_ceremony.core.services.awards import update_award_form

            update_award_form(ctx.store, ceremony, form_id, **values)
    else:
        if "full_name" not in values or "rank" not in values:
            raise UserError(
                "Hãy nhập --full-name và --rank (hoặc --head và --issuer cho giấy khen của "
                "người đứng đầu cơ quan)."
            )
        full_name, rank = values.pop("full_name"), values.pop("rank")
        form_id = add_award_form(ctx.store, ceremony, full_name, rank, **values)
    _set_stage(args, ctx, ceremony, form_id)
    print(form_id)
    return 0


def _set_stage(args: argparse.Namespace, ctx: Context, ceremony: int, form_id: int) -> None:
    if args.on_stage is None:
        return
    from kx_ceremony.core.services.stage_edits import set_form_on_stage

    left = set_form_on_stage(ctx.store, ceremony, form_id, args.on_stage)
    if left:
        print(f"{left} người/tập thể rời các đợt trao trên sân khấu.", file=sys.stderr)


def cmd_awards_edit(args: argparse.Namespace, ctx: Context) -> int:
    from kx_ceremony.core.services.awards import update_award_form

    values = _award_values(args)
    if not values and args.on_stage is None:
        raise UserError("Không có gì để sửa: hãy cho ít nhất một giá trị, ví dụ --rank 35.")
    ceremony = _ceremony(args)
    if values:
        update_award_form(ctx.store, ceremony, args.id, **values)
    _set_stage(args, ctx, ceremony, args.id)
    from kx_ceremony.core.services.awards import list_award_forms

    form = next(f for f in list_award_forms(ctx.store, ceremony) if f.id == args.id)
    print(f"Đã sửa «{form.full_name}».")
    return 0


def cmd_awards_alias(args: argparse.Namespace, ctx: Context) -> int:
    from kx_ceremony.core.services.awards import add_alias

    form = add_alias(ctx.store, _ceremony(args), args.id, args.alias)
    print(f"«{form.full_name}»: {'; '.join(form.aliases)}")
    return 0


def _decision_json(d: Any, award: str) -> dict[str, Any]:
    data = asdict(d)
    data.pop("ceremony_id")
    data["signed_on"] = d.signed_on.isoformat()
    data["award"] = award
    return data


def cmd_decisions(args: argparse.Namespace, ctx: Context) -> int:
    from kx_ceremony.core.services.awards import list_award_forms, list_decisions

    ceremony = _ceremony(args)
    names = {f.id: f.full_name for f in list_award_forms(ctx.store, ceremony)}
    rows = list_decisions(ctx.store, ceremony)
    if args.format == "json":
        print_json([_decision_json(d, names.get(d.award_form_id, "")) for d in rows])
        return 0
    if not rows:
        print("Buổi lễ chưa có quyết định nào; thêm bằng lệnh «decisions add».")
        return 0
    print_table(
        ["ID", "Số", "Ngày", "Hình thức", "Người ký"],
        [
            [
                d.id,
                d.number,
                d.signed_on.strftime("%d/%m/%Y"),
                names.get(d.award_form_id, ""),
                " ".join(p for p in (d.signer_title, d.signer_subtitle, d.signer_name) if p),
            ]
            for d in rows
        ],
    )
    return 0


def cmd_decisions_add(args: argparse.Namespace, ctx: Context) -> int:
    from kx_ceremony.core.services.awards import DecisionInput, add_decision, find_award_form

    ceremony = _ceremony(args)
    form = find_award_form(ctx.store, ceremony, args.award)
    data = DecisionInput(
        form.id,
        args.number,
        args.date,
        **{
            k: getattr(args, k) or ""
            for k in ("authority", "signer_title", "signer_subtitle", "signer_name", "place")
        },
    )
    print(add_decision(ctx.store, ceremony, data))
    return 0


def cmd_decisions_edit(args: argparse.Namespace, ctx: Context) -> int:
    from kx_ceremony.core.services.awards import (
        DecisionInput,
        find_award_form,
        get_decision,
        update_decision,
    )

    ceremony = _ceremony(args)
    current = get_decision(ctx.store, ceremony, args.id)
    data = DecisionInput(
        current.award_form_id,
        current.number,
        current.signed_on,
        current.authority,
        current.signer_title,
        current.signer_subtitle,
        current.signer_name,
        current.place,
    )
    changes: dict[str, Any] = {}
    if args.award is not None:
        changes["award_form_id"] = find_award_form(ctx.store, ceremony, args.award).id
    if args.date is not None:
        changes["signed_on"] = args.date
    for key in ("number", "authority", "signer_title", "signer_subtitle", "signer_name", "place"):
        if getattr(args, key) is not None:
            changes[key] = getattr(args, key)
    if not changes:
        raise UserError("Không có gì để sửa: hãy cho ít nhất một giá trị, ví dụ --signer-name.")
    row = update_decision(ctx.store, ceremony, args.id, replace(data, **changes))
    print(f"Đã sửa quyết định {row.number}.")
    return 0
