"""`rounds`: show the rounds on stage; `--plan` (re)builds them.

Beyond the plain listing (the README's «Command line» and «The stage plan»):
- `--force` replans over hand changes (without it `--plan` refuses with exit 2 when a
  round was changed by hand);
- `--place-new` places people added after planning without changing anybody's round;
- hand changes, one per call, each marking its round as changed by hand:
  `--move ID:ROUND:POSITION`, `--presenter ROUND:PRESENTER_ID` (0 = none yet),
  `--absent ID`, `--present ID`, `--substitute ID:NAME` (ID = honouree id, as in
  `honourees --format json`);
- `--format json`.
Stdout holds only one line per round; notes go to stderr.
"""

from __future__ import annotations

import argparse
import sys

from kx_ceremony.commands.common import (
    MAX_NUMBER,
    Context,
    add_ceremony_arg,
    add_format_arg,
    positive_int,
    print_json,
)
from kx_ceremony.core.errors import UserError
from kx_ceremony.core.model import Attendance
from kx_ceremony.core.services.stage import (
    Placement,
    RoundRow,
    count_unplaced,
    list_rounds,
    place_new_honourees,
    plan_rounds,
)


def register(commands: argparse._SubParsersAction, printing: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("rounds", help="các đợt trao trên sân khấu; --plan để lập lại")
    add_ceremony_arg(parser)
    parser.add_argument(
        "--plan", action="store_true", help="lập (lại) các đợt trao theo thứ tự khen thưởng"
    )
    parser.add_argument(
        "--per-round",
        type=positive_int,
        default=None,
        metavar="N",
        help="số người tối đa mỗi đợt (được lưu cho buổi lễ); dùng cùng --plan",
    )
    parser.add_argument(
        "--force", action="store_true", help="cùng --plan: lập lại dù đã có thay đổi bằng tay"
    )
    parser.add_argument(
        "--place-new",
        action="store_true",
        help="xếp những người chưa có đợt vào cuối các đợt, không đổi số đợt hay vị trí nào đã có",
    )
    where = parser.add_mutually_exclusive_group()
    where.add_argument(
        "--renumber",
        action="store_true",
        help="cùng --place-new: chèn đợt mới đúng thứ tự khen thưởng, đánh số lại các đợt sau",
    )
    where.add_argument(
        "--at-end",
        action="store_true",
        help="cùng --place-new: thêm đợt mới vào cuối buổi lễ, không đổi số đợt nào",
    )
    edits = parser.add_mutually_exclusive_group()
    edits.add_argument("--move", metavar="ID:ĐỢT:VỊ_TRÍ", help="chuyển một người tới đợt và vị trí")
    edits.add_argument(
        "--presenter", metavar="ĐỢT:ID_NGƯỜI_TRAO", help="đổi người trao của một đợt (0 = chưa có)"
    )
    edits.add_argument(
        "--form-presenter",
        metavar="ID_HÌNH_THỨC:ID_NGƯỜI_TRAO[,ID…]",
        help="ai trao một hình thức (nhiều người: lần lượt từng đợt; 0 = theo mặc định); "
        "áp dụng ngay cho các đợt của hình thức đó và khi lập lại",
    )
    edits.add_argument("--absent", type=positive_int, metavar="ID", help="đánh dấu vắng mặt")
    edits.add_argument("--present", type=positive_int, metavar="ID", help="đánh dấu có mặt")
    edits.add_argument("--substitute", metavar="ID:HỌ_TÊN", help="ghi tên người nhận thay")
    edits.add_argument(
        "--off-stage", type=positive_int, metavar="ID", help="người này không lên sân khấu"
    )
    edits.add_argument("--on-stage", type=positive_int, metavar="ID", help="người này lên sân khấu")
    edits.add_argument(
        "--stage-as-form",
        type=positive_int,
        metavar="ID",
        help="người này lên sân khấu hay không theo hình thức khen thưởng của họ",
    )
    add_format_arg(parser)
    parser.set_defaults(handler=cmd_rounds)


def _numbers(text: str, count: int, what: str) -> list[int]:
    parts = text.split(":")
    try:
        values = [int(p) for p in parts]
    except ValueError:
        values = []
    if len(values) != count or any(v < 0 or v > MAX_NUMBER for v in values):
        raise UserError(
            f"«{text}» không đúng dạng {what}: hãy viết các số cách nhau bằng dấu hai chấm."
        )
    return values


def apply_edit(args: argparse.Namespace, ctx: Context) -> bool:
    """Apply the one hand change asked for, if any; True when one was applied."""
    from kx_ceremony.core.services import stage_edits

    cid = args.ceremony
    if args.move:
        honouree, number, position = _numbers(args.move, 3, "ID:ĐỢT:VỊ_TRÍ")
        stage_edits.move_honouree(ctx.store, cid, honouree, number, position)
    elif args.presenter:
        number, presenter = _numbers(args.presenter, 2, "ĐỢT:ID_NGƯỜI_TRAO")
        stage_edits.set_round_presenter(ctx.store, cid, number, presenter or None)
    elif args.form_presenter:
        from kx_ceremony.core.services.award_presenters import set_form_presenters

        head, _, rest = args.form_presenter.partition(":")
        (form,) = _numbers(head, 1, "ID_HÌNH_THỨC:ID_NGƯỜI_TRAO")
        ids = [_numbers(x.strip(), 1, "ID_HÌNH_THỨC:ID_NGƯỜI_TRAO")[0] for x in rest.split(",")]
        set_form_presenters(ctx.store, cid, form, [i for i in ids if i])
        print("Đã lưu người trao của hình thức này; các đợt của nó đã đổi theo.", file=sys.stderr)
        return True
    elif args.absent or args.present:
        honouree = args.absent or args.present
        stage_edits.set_attendance(ctx.store, cid, honouree, Attendance.ABSENT if args.absent else Attendance.PRESENT)
    elif args.off_stage or args.on_stage or args.stage_as_form:
        honouree = args.off_stage or args.on_stage or args.stage_as_form
        choice = False if args.off_stage else True if args.on_stage else None
        stage_edits.set_on_stage(ctx.store, cid, honouree, choice)
        return True
    elif args.substitute:
        head, _, name = args.substitute.partition(":")
        (honouree,) = _numbers(head, 1, "ID:HỌ_TÊN")
        stage_edits.set_attendance(ctx.store, cid, honouree, Attendance.SUBSTITUTE, name)
    else:
        return False
    return True


def round_line(r: RoundRow) -> str:
    presenter = r.presenter.introduction.split(", ")[0] if r.presenter else "chưa có người trao"
    absent = f" ({r.count - r.on_stage} vắng)" if r.on_stage != r.count else ""
    manual = " [đã sửa tay]" if r.manual else ""
    return (
        f"Đợt {r.number}: {r.award or '(hình thức đã xóa)'}; người trao: {presenter}; "
        f"{r.count} người{absent}{manual}"
    )


def cmd_rounds(args: argparse.Namespace, ctx: Context) -> int:
    if args.plan and args.place_new:
        raise UserError("Chỉ dùng một trong hai: --plan hoặc --place-new.")
    if (args.renumber or args.at_end) and not args.place_new:
        raise UserError("--renumber và --at-end chỉ dùng cùng --place-new.")
    if (args.per_round is not None or args.force) and not args.plan:
        raise UserError("--per-round và --force chỉ dùng cùng --plan.")
    editing = any(
        (args.move, args.presenter, args.form_presenter, args.absent, args.present)
        + (args.substitute, args.off_stage, args.on_stage, args.stage_as_form)
    )
    if editing and (args.plan or args.place_new):
        raise UserError(
            "Sửa tay (--move, --presenter, --absent, --present, --substitute) dùng riêng, không cùng --plan hay --place-new."
        )
    if args.plan:
        rows = plan_rounds(ctx.store, args.ceremony, per_round=args.per_round, force=args.force)
        print(f"Đã lập {len(rows)} đợt trao.", file=sys.stderr)
    else:
        if apply_edit(args, ctx):
            if not args.form_presenter:
                print("Đã lưu thay đổi; đợt này được đánh dấu đã sửa tay.", file=sys.stderr)
        elif args.place_new:
            how = (
                Placement.RENUMBER
                if args.renumber
                else Placement.AT_END
                if args.at_end
                else Placement.KEEP
            )
            placed = place_new_honourees(ctx.store, args.ceremony, how)
            print(f"Đã xếp thêm {placed} người/tập thể.", file=sys.stderr)
        rows = list_rounds(ctx.store, args.ceremony)
    if args.format == "json":
        print_json([r.to_json() for r in rows])
    else:
        for r in rows:
            print(round_line(r))
    if not rows:
        print(
            f"Chưa có đợt trao nào: chạy «rounds --ceremony {args.ceremony} --plan» để lập.",
            file=sys.stderr,
        )
    unplaced = count_unplaced(ctx.store, args.ceremony)
    if unplaced and rows:
        print(
            f"Còn {unplaced} người/tập thể chưa có đợt: chạy «rounds --ceremony {args.ceremony} "
            "--place-new» để xếp họ mà không dời ai.",
            file=sys.stderr,
        )
    return 0
