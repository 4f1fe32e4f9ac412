"""`import FILE --ceremony ID [--sheet NAME] [--dry-run] [--skip-invalid]` (CLI.md).

Prints what was found (sheet, header rows, which column became which field, ignored
columns), every row problem, and ends with ``imported N, skipped M``. Invalid rows without
--skip-invalid: nothing stored, exit status 2, one line on stderr saying so.
"""

from __future__ import annotations

import argparse
import sys

from kx_ceremony.commands.common import Context, add_ceremony_arg


def register(commands: argparse._SubParsersAction, printing: argparse._SubParsersAction) -> None:
    """Add this module's commands: top-level ones to `commands`, `print X` ones to `printing`."""
    parser = commands.add_parser(
        "import",
        help="nhập danh sách đề nghị khen thưởng từ bảng tính (.xlsx .xlsm .xls .ods .csv)",
        description="Nhập danh sách từ bảng tính vào buổi lễ: tất cả các dòng, hoặc không "
        "dòng nào nếu có dòng lỗi (trừ khi dùng --skip-invalid).",
    )
    parser.add_argument("file", metavar="TỆP", help="tệp danh sách (.xlsx .xlsm .xls .ods .csv)")
    add_ceremony_arg(parser)
    parser.add_argument("--sheet", metavar="TÊN", help="tên trang cần nhập (mặc định: tự tìm)")
    parser.add_argument(
        "--dry-run",
        action="store_true",
        help="chỉ kiểm tra và báo sẽ nhập bao nhiêu dòng; không lưu gì",
    )
    parser.add_argument(
        "--skip-invalid",
        action="store_true",
        help="lưu các dòng hợp lệ, bỏ qua (và liệt kê) các dòng lỗi",
    )
    parser.set_defaults(handler=cmd_import)


def cmd_import(args: argparse.Namespace, ctx: Context) -> int:
    from kx_ceremony.core.importing import preview_import, run_import

    preview = preview_import(ctx.store, args.ceremony, args.file, sheet=args.sheet)
    result = run_import(
        ctx.store,
        args.ceremony,
        args.file,
        skip_invalid=args.skip_invalid,
        dry_run=args.dry_run,
        preview=preview,
    )
    table = preview.table
    headers = ", ".join(str(r) for r in table.header_rows)
    print(f"Tệp: {preview.path}")
    print(
        f"Trang «{preview.sheet}»: tiêu đề ở dòng {headers}, dữ liệu từ dòng "
        f"{table.first_data_row} đến dòng {table.last_data_row}."
    )
    if preview.encoding:
        print(f"Bảng mã: {preview.encoding}.")
    for note in preview.notes:
        print(note)
    print("Các cột:")
    for column in preview.columns:
        print(f"  {column.describe()}")
    problems = preview.problems
    if problems:
        print(f"Có {len(problems)} lỗi ở {len(preview.invalid_rows)} dòng:")
        # One write for what may be thousands of lines.
        print("\n".join(f"  {problem.describe()}" for problem in problems))
    if args.dry_run:
        print("Chạy thử (--dry-run): không lưu gì vào kho dữ liệu; số dưới đây là số sẽ nhập.")
    elif result.stored and result.skipped:
        print(f"Đã lưu {result.imported} dòng hợp lệ; bỏ qua {result.skipped} dòng lỗi.")
    print(f"imported {result.imported}, skipped {result.skipped}")
    if problems and not args.skip_invalid:
        print(
            f"Không nhập gì: {len(preview.invalid_rows)} dòng có lỗi (liệt kê ở trên). Hãy sửa "
            "tệp rồi nhập lại, hoặc dùng --skip-invalid để chỉ nhập các dòng hợp lệ.",
            file=sys.stderr,
        )
        return 2
    if args.skip_invalid and not result.imported:
        print(
            "Không có dòng hợp lệ nào để nhập; hãy sửa các lỗi liệt kê ở trên rồi nhập lại.",
            file=sys.stderr,
        )
        return 2
    return 0
