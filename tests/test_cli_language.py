"""The command line speaks Vietnamese in its help too, and the window without a screen
ends with one Vietnamese line instead of Qt's abort."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys

import pytest

from kx_ceremony.cli import build_parser

ENGLISH = ("usage:", "options:", "positional arguments", "show this help", "show program's")


def _every_parser(parser: argparse.ArgumentParser):
    yield parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                yield from _every_parser(sub)


def test_every_help_page_is_vietnamese():
    parsers = list(_every_parser(build_parser()))
    assert len(parsers) > 10  # every command and every printed document
    for parser in parsers:
        text = parser.format_help()
        assert text.startswith("Cách dùng: "), parser.prog
        assert not [w for w in ENGLISH if w in text], (parser.prog, text)
        assert "in hướng dẫn này rồi thoát" in text


def test_help_and_version_on_the_terminal(cli_process):
    shown = cli_process("--help", db=None)
    assert shown.status == 0 and shown.out.startswith("Cách dùng: kx-ceremony")
    assert "in số phiên bản rồi thoát" in shown.out
    sub = cli_process("rounds", "--help", db=None)
    assert sub.status == 0 and "tùy chọn:" in sub.out and "options:" not in sub.out


def _window_without_screen(tmp_path, **env_changes):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    env.update(env_changes)
    return subprocess.run(
        [sys.executable, "-m", "kx_ceremony", "--db", str(tmp_path / "s.sqlite"), "gui"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        env=env,
    )


@pytest.mark.skipif(sys.platform.startswith(("win", "darwin")), reason="X11/Wayland only")
def test_no_display_is_one_vietnamese_line(tmp_path):
    done = _window_without_screen(tmp_path)
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [done.stderr.strip()]
    assert "không có màn hình" in done.stderr and "qt." not in done.stderr


@pytest.mark.skipif(sys.platform.startswith(("win", "darwin")), reason="X11/Wayland only")
def test_a_platform_qt_cannot_start_is_one_vietnamese_line_not_an_abort(tmp_path):
    # A display that is named but unusable: Qt's qFatal() would abort (status 134) after
    # printing English; the message handler logs it and ends with our line instead.
    done = _window_without_screen(tmp_path, QT_QPA_PLATFORM="no-such-platform")
    assert done.returncode == 2, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "không có màn hình" in lines[0]
    log = (tmp_path / "user-logs" / "kx-ceremony.log").read_text(encoding="utf-8")
    assert "no-such-platform" in log  # Qt's own words kept for whoever helps
