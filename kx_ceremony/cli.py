"""The ``kx-ceremony`` command line (the README's «Command line» table): parse, call a service, print.

Exit status: 0 done; 2 the user's input or file is wrong (one line on stderr saying
what, where and what to do); 1 an unexpected failure (one line naming the log file).
A traceback never reaches the terminal.
"""

from __future__ import annotations

import gc

# Start-up allocates hundreds of thousands of long-lived objects (SQLAlchemy, the models);
# cyclic collections during those imports find nothing to free and cost a sixth of the
# start-up time. Collection is switched back on once this module's imports are done.
_GC_WAS_ENABLED = gc.isenabled()
gc.disable()

import argparse  # noqa: E402
import contextlib  # noqa: E402
import logging  # noqa: E402
import re  # noqa: E402
import sys  # noqa: E402
from collections.abc import Callable, Sequence  # noqa: E402
from typing import NoReturn  # noqa: E402

from kx_ceremony.core.importing import prefetch  # noqa: E402 - light: no SQLAlchemy yet

# `kx-ceremony import FILE`: the workbook's reader starts on FILE now, on the other core,
# while the imports below take their few tenths of a second (importing/prefetch.py).
prefetch.start_for_command_line()

from kx_ceremony import APP_NAME, __version__  # noqa: E402
from kx_ceremony.commands import COMMAND_MODULES  # noqa: E402
from kx_ceremony.commands.common import Context  # noqa: E402
from kx_ceremony.core.errors import StoreError, UserError  # noqa: E402
from kx_ceremony.core.logs import setup_logging  # noqa: E402
from kx_ceremony.core.text.hygiene import SafeStream  # noqa: E402

# What start-up loaded stays out of every later collection; then collect as usual.
gc.freeze()
if _GC_WAS_ENABLED:
    gc.enable()

log = logging.getLogger("kx_ceremony.cli")

EXIT_OK, EXIT_FAILURE, EXIT_USER = 0, 1, 2

_ARGPARSE_MESSAGES: list[tuple[str, Callable[[re.Match[str]], str]]] = [
    (r"the following arguments are required: (.+)", lambda m: f"thiếu tham số bắt buộc: {m[1]}"),
    (
        r"argument (\S+): invalid int value: '(.*)'",
        lambda m: f"tham số {m[1]}: «{m[2]}» không phải số nguyên",
    ),
    (
        r"argument (\S+): invalid choice: '(.*)' \(choose from (.*)\)",
        lambda m: f"«{m[2]}» không phải lựa chọn hợp lệ cho {m[1]} (chọn một trong: {m[3]})",
    ),
    (r"argument (\S+): expected one argument", lambda m: f"tham số {m[1]} cần một giá trị"),
    (r"unrecognized arguments: (.+)", lambda m: f"không hiểu tham số: {m[1]}"),
    (r"argument (\S+): (.+)", lambda m: f"tham số {m[1]}: {m[2]}"),
]


def _translate_argparse(message: str) -> str:
    for pattern, render in _ARGPARSE_MESSAGES:
        match = re.fullmatch(pattern, message)
        if match:
            return render(match)
    return message


class _HelpFormatter(argparse.HelpFormatter):
    """argparse's help in Vietnamese: "Cách dùng:" instead of "usage:"."""

    def add_usage(self, usage, actions, groups, prefix=None):  # type: ignore[no-untyped-def]
        super().add_usage(usage, actions, groups, "Cách dùng: " if prefix is None else prefix)


class _Parser(argparse.ArgumentParser):
    """Help in Vietnamese; usage mistakes become one Vietnamese line and exit status 2."""

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        kwargs.setdefault("formatter_class", _HelpFormatter)
        add_help = kwargs.pop("add_help", True)
        super().__init__(*args, add_help=False, **kwargs)
        self._positionals.title = "tham số"
        self._optionals.title = "tùy chọn"
        if add_help:
            self.add_argument(
                "-h",
                "--help",
                action="help",
                default=argparse.SUPPRESS,
                help="in hướng dẫn này rồi thoát",
            )

    def error(self, message: str) -> NoReturn:
        raise UserError(
            f"Lệnh không hợp lệ: {_translate_argparse(message)}. Xem «kx-ceremony --help»."
        )


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="kx-ceremony",
        description=f"{APP_NAME}: chuẩn bị lễ trao tặng khen thưởng. Không có lệnh thì mở cửa sổ.",
    )
    parser.add_argument(
        "--db",
        metavar="PATH_OR_URL",
        help="tệp kho dữ liệu SQLite hoặc địa chỉ SQLAlchemy (mặc định: biến KX_CEREMONY_DB, "
        "hoặc tệp trong thư mục dữ liệu của người dùng)",
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"{APP_NAME} {__version__}",
        help="in số phiên bản rồi thoát",
    )
    commands = parser.add_subparsers(dest="command", metavar="LỆNH", parser_class=_Parser)
    print_parser = commands.add_parser("print", help="in tài liệu ra tệp PDF")
    printing = print_parser.add_subparsers(
        dest="document", metavar="TÀI_LIỆU", required=True, parser_class=_Parser
    )
    for module in COMMAND_MODULES:
        module.register(commands, printing)
    return parser


def _configure_output() -> None:
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            # A stream that cannot be reconfigured keeps its encoding.
            with contextlib.suppress(ValueError, OSError):
                reconfigure(encoding="utf-8", errors="replace")


def _fail(message: str) -> None:
    print(message, file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    _configure_output()
    # Stored text (rows from before the hygiene rule), file and sheet names reach the
    # terminal without control characters: one filter on both streams, whatever prints.
    streams = sys.stdout, sys.stderr
    # (The windowed launcher on Windows has no streams at all: None stays None.)
    sys.stdout, sys.stderr = (s if s is None else SafeStream(s) for s in streams)
    try:
        return _main(argv)
    finally:
        sys.stdout, sys.stderr = streams


def _main(argv: Sequence[str] | None) -> int:
    log_path = setup_logging()
    ctx: Context | None = None
    try:
        args = build_parser().parse_args(argv)
        ctx = Context(db=args.db)
        handler = getattr(args, "handler", None)
        if handler is None:
            from kx_ceremony.commands.gui import run_gui

            return run_gui(args, ctx)
        return handler(args, ctx) or EXIT_OK
    except UserError as exc:
        log.info("refused: %s", exc.message)
        _fail(exc.message)
        return EXIT_USER
    except StoreError as exc:
        log.error("store error: %s", exc.message, exc_info=exc.__cause__ is not None)
        _fail(f"{exc.message} Chi tiết trong tệp nhật ký: {log_path}")
        return EXIT_FAILURE
    except KeyboardInterrupt:
        _fail("Đã dừng theo yêu cầu; việc đang làm dở không được lưu.")
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except (SystemExit, GeneratorExit):
        raise
    except BaseException:  # Exception, and pyo3's PanicException which is not one
        log.exception("unexpected failure (argv=%r)", argv if argv is not None else sys.argv[1:])
        _fail(f"Lỗi không mong đợi; đã ghi chi tiết vào tệp nhật ký: {log_path}")
        return EXIT_FAILURE
    finally:
        if ctx is not None:
            ctx.close()


def gui_main() -> int:
    """Entry point of the windowed launcher (no console on Windows)."""
    return main(sys.argv[1:] or ["gui"])
