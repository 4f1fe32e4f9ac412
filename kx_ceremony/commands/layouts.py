"""`layout export` / `layout import`: an award form's certificate layout as a JSON file,
so a province can share the layout of its blank with its districts."""

from __future__ import annotations

import argparse
from pathlib import Path

from kx_ceremony.commands.common import Context, add_ceremony_arg


def register(commands: argparse._SubParsersAction, printing: argparse._SubParsersAction) -> None:
    layout = commands.add_parser(
        "layout", help="mẫu in bằng khen, giấy khen của một hình thức: xuất ra hoặc nhập từ tệp"
    )
    verbs = layout.add_subparsers(dest="verb", metavar="VIỆC", required=True)
    export = verbs.add_parser("export", help="ghi mẫu in đang dùng ra tệp JSON")
    add_ceremony_arg(export)
    export.add_argument("--award", required=True, metavar="NAME", help="hình thức khen thưởng")
    export.add_argument("-o", "--output", required=True, metavar="FILE.json", help="tệp ghi ra")
    export.set_defaults(handler=cmd_export)
    imported = verbs.add_parser(
        "import", help="dùng mẫu in trong tệp JSON (kiểm tra đủ trước, sai thì không đổi gì)"
    )
    add_ceremony_arg(imported)
    imported.add_argument("--award", required=True, metavar="NAME", help="hình thức khen thưởng")
    imported.add_argument("file", metavar="FILE.json", help="tệp mẫu in")
    imported.set_defaults(handler=cmd_import)


def cmd_export(args: argparse.Namespace, ctx: Context) -> int:
    from kx_ceremony.core.printing.layout_files import write_layout_file
    from kx_ceremony.core.printing.layout_store import designer_data
    from kx_ceremony.core.services.awards import find_award_form

    form = find_award_form(ctx.store, args.ceremony, args.award)
    path = write_layout_file(Path(args.output), designer_data(form), form.full_name)
    print(path)
    return 0


def cmd_import(args: argparse.Namespace, ctx: Context) -> int:
    from kx_ceremony.core.printing.layout_files import read_layout_file
    from kx_ceremony.core.printing.layout_store import background_of, save_layout
    from kx_ceremony.core.services.awards import find_award_form

    form = find_award_form(ctx.store, args.ceremony, args.award)
    data = read_layout_file(Path(args.file))
    layout = save_layout(ctx.store, args.ceremony, form.id, data, background_of(form))
    print(
        f"«{form.full_name}» in theo mẫu trong {Path(args.file).name}: "
        f"{layout.page_width:g} × {layout.page_height:g} mm, {len(layout.fields)} ô"
    )
    return 0
