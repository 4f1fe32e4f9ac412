"""`check`, `backup`, `restore`: each prints a one-line verdict."""

from __future__ import annotations

import argparse
from pathlib import Path

from kx_ceremony.commands.common import Context
from kx_ceremony.core.errors import UserError
from kx_ceremony.core.store.maintenance import (
    backup_store,
    check_store,
    require_sqlite_path,
    restore_store,
)


def register(commands: argparse._SubParsersAction, printing: argparse._SubParsersAction) -> None:
    check = commands.add_parser("check", help="kiểm tra tính toàn vẹn của kho dữ liệu")
    check.set_defaults(handler=cmd_check)
    backup = commands.add_parser("backup", help="sao lưu kho dữ liệu (bản sao đã kiểm tra)")
    backup.add_argument(
        "-o", "--output", required=True, type=Path, metavar="FILE", help="tệp sao lưu"
    )
    backup.set_defaults(handler=cmd_backup)
    restore = commands.add_parser("restore", help="khôi phục kho dữ liệu từ một bản sao lưu")
    restore.add_argument("file", type=Path, metavar="FILE", nargs="?", help="tệp sao lưu")
    restore.add_argument(
        "--latest",
        action="store_true",
        help="dùng bản sao lưu tự động gần nhất còn tốt (tệp kho hỏng được đổi tên, giữ lại)",
    )
    restore.set_defaults(handler=cmd_restore)


def cmd_check(args: argparse.Namespace, ctx: Context) -> int:
    result = check_store(ctx.db)
    if not result.ok:
        more = f" (và {len(result.problems) - 1} lỗi khác)" if len(result.problems) > 1 else ""
        raise UserError(
            f"Kho dữ liệu {result.path} bị hỏng: {result.problems[0]}{more}. "
            "Hãy khôi phục từ bản sao lưu gần nhất (lệnh restore)."
        )
    print(
        f"Kho dữ liệu tốt: {result.path} (lược đồ {result.revision or 'trống'}, "
        f"{result.ceremonies} buổi lễ, {result.honourees} người/tập thể)."
    )
    return 0


def cmd_backup(args: argparse.Namespace, ctx: Context) -> int:
    written = backup_store(ctx.db, args.output)
    print(f"Đã sao lưu và kiểm tra: {written}")
    return 0


def cmd_restore(args: argparse.Namespace, ctx: Context) -> int:
    backup_file = args.file
    if args.latest == (backup_file is not None):
        raise UserError(
            "Hãy chỉ ra một tệp sao lưu (restore TỆP) hoặc dùng --latest cho bản sao lưu tự "
            "động gần nhất, không dùng cả hai."
        )
    if args.latest:
        from kx_ceremony.core.store.copies import backups_dir, latest_backup

        path = require_sqlite_path(ctx.db)
        backup_file = latest_backup(path)
        if backup_file is None:
            raise UserError(
                f"Không có bản sao lưu tự động nào còn tốt trong {backups_dir(path)}; hãy chỉ ra "
                "tệp sao lưu cần dùng (restore TỆP)."
            )
    kept = restore_store(ctx.db, backup_file)
    tail = f"; kho cũ được giữ tại {kept}" if kept else ""
    print(f"Đã khôi phục kho dữ liệu từ {backup_file}{tail}.")
    return 0
