"""`print certificates` and `print calibration` (see the README's «Command line»)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kx_ceremony.commands.common import (
    Context,
    add_ceremony_arg,
    add_output_args,
    deliver,
    positive_int,
)
from kx_ceremony.core.errors import UserError


def _offset_mm(text: str) -> float:
    try:
        return float(text.replace(",", "."))
    except ValueError:
        raise argparse.ArgumentTypeError(f"«{text}» không phải số milimét") from None


def register(commands: argparse._SubParsersAction, printing: argparse._SubParsersAction) -> None:
    certs = printing.add_parser(
        "certificates", help="in bằng khen, giấy khen theo thứ tự trao trên sân khấu"
    )
    add_ceremony_arg(certs)
    add_output_args(certs)
    certs.add_argument(
        "--mode",
        choices=("full", "blank"),
        default="blank",
        help="blank: chỉ in phần chữ thay đổi lên phôi in sẵn (mặc định); "
        "full: in đủ mẫu lên giấy trắng",
    )
    certs.add_argument("--round", type=positive_int, metavar="N", help="chỉ in đợt N")
    certs.add_argument("--award", metavar="NAME", help="chỉ in một hình thức khen thưởng")
    certs.add_argument(
        "--split", metavar="DIR", help="ghi thêm mỗi người một tệp PDF vào thư mục DIR"
    )
    certs.add_argument(
        "--reprint",
        action="store_true",
        help="in lại lên phôi mới những bằng đã in (phôi hỏng); phải kèm --reason",
    )
    certs.add_argument("--reason", default="", metavar="TEXT", help="lý do in lại, ghi vào sổ")
    certs.add_argument(
        "--draft",
        action="store_true",
        help="in bản thử (mỗi trang đóng dấu BẢN IN THỬ) cả khi quyết định chưa đủ số, ngày, "
        "người ký",
    )
    certs.set_defaults(handler=cmd_certificates)

    calib = printing.add_parser("calibration", help="trang canh chỉnh để đặt lên phôi bằng khen")
    add_output_args(calib)
    calib.add_argument(
        "--award",
        metavar="NAME",
        help="mẫu của hình thức khen thưởng (bang-khen, giay-khen, hoặc tên hình thức "
        "khi có --ceremony)",
    )
    calib.add_argument(
        "--ceremony", type=positive_int, metavar="ID", help="lấy mẫu đã chỉnh của buổi lễ"
    )
    calib.add_argument(
        "--offset-x", type=_offset_mm, metavar="MM", help="lưu độ lệch ngang (mm, dương: sang phải)"
    )
    calib.add_argument(
        "--offset-y",
        type=_offset_mm,
        metavar="MM",
        help="lưu độ lệch dọc (mm, dương: xuống dưới; số âm viết --offset-y=-1.5)",
    )
    calib.set_defaults(handler=cmd_calibration)


def cmd_certificates(args: argparse.Namespace, ctx: Context) -> int:
    if args.reason and not args.reprint:
        raise UserError("--reason chỉ dùng cùng --reprint (in lại lên phôi); hãy thêm --reprint.")
    if args.printer is not None:
        return _certificates_to_printer(args, ctx)
    if args.tray or args.copies != 1 or args.dpi:
        raise UserError("--tray, --copies và --dpi chỉ dùng khi in ra máy in (--printer NAME).")
    from kx_ceremony.core.printing.certificates import print_certificates

    result = print_certificates(
        ctx.store,
        args.ceremony,
        args.output,
        mode=args.mode,
        round_number=args.round,
        award=args.award,
        split_dir=Path(args.split) if args.split else None,
        reprint=args.reprint,
        reason=args.reason,
        draft=args.draft,
    )
    if result.note:
        print(result.note, file=sys.stderr)
    if args.split:
        print(f"{len(result.split_files)} tệp riêng: {Path(args.split)}")
    print(result.path)
    return 0


def _certificates_to_printer(args: argparse.Namespace, ctx: Context) -> int:
    if args.split:
        raise UserError("--split chỉ dùng khi ghi ra tệp (-o); khi in ra máy in hãy bỏ --split.")
    from kx_ceremony.printer.jobs import print_certificates_to_printer

    result = print_certificates_to_printer(
        ctx.store,
        args.ceremony,
        args.printer,
        tray=args.tray,
        copies=args.copies,
        mode=args.mode,
        round_number=args.round,
        award=args.award,
        reprint=args.reprint,
        reason=args.reason,
        draft=args.draft,
        dpi=args.dpi,
    )
    if result.complete:
        print(result.summary())
        return 0
    print(result.summary(), file=sys.stderr)
    return 2


def cmd_calibration(args: argparse.Namespace, ctx: Context) -> int:
    from kx_ceremony.core.printing.calibration import write_calibration
    from kx_ceremony.core.printing.layout_choice import calibration_layout
    from kx_ceremony.core.printing.printer_offset import (
        DEFAULT_PRINTER,
        PrinterOffset,
        load_offset,
        save_offset,
    )

    key = DEFAULT_PRINTER
    if args.printer is not None:
        from kx_ceremony.printer.qt_printer import offset_key

        key = offset_key(args.printer, args.tray)
    layout = calibration_layout(ctx.store if args.ceremony else None, args.award, args.ceremony)
    offset = load_offset(key)
    if args.offset_x is not None or args.offset_y is not None:
        offset = PrinterOffset(
            offset.x_mm if args.offset_x is None else args.offset_x,
            offset.y_mm if args.offset_y is None else args.offset_y,
        )
        saved = save_offset(offset, key)
        print(
            f"Đã lưu độ lệch máy in: ngang {offset.x_mm:+g} mm, dọc {offset.y_mm:+g} mm ({saved})"
        )
    return deliver(args, lambda out: write_calibration(out, layout, offset), "Trang canh chỉnh")
