"""Window speed with 10,000 honourees, against a bare Qt window, in one run.

1. Launch to first painted window: a fresh Python process that opens our main window on
   a store with 10,000 honourees and stops at the first paint of the filled table,
   against a fresh process that imports sqlalchemy.orm and shows a bare QMainWindow with
   an empty QTableView (the floor for this stack). Median of several launches each;
   target ratio ≤ 1.5.
2. Search keystroke to updated view at 10,000 rows: one character typed into the search
   box until the table has repainted; target ≤ 50 ms (median over several keystrokes).

Usage: python benchmarks/window_speed.py [--rows 10000] [--launches 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(ROOT), str(HERE)]

BARE = r"""
import sys
import sqlalchemy.orm  # noqa: F401 - the baseline includes our database layer's import
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            print("painted", flush=True)
            sys.exit(0)
        return False

app = QApplication(sys.argv)
window = QMainWindow()
table = QTableView()
window.setCentralWidget(table)
window.resize(1280, 780)
watcher = FirstPaint()
table.viewport().installEventFilter(watcher)
window.show()
app.exec()
"""

# The same bare window after importing the project's command line (models, services):
# the floor any window of this project starts from, shown to explain the ratio.
FLOOR = BARE.replace(
    "import sqlalchemy.orm  # noqa: F401 - the baseline includes our database layer's import",
    "import kx_ceremony.cli  # noqa: F401 - the project's own import cost",
)

OURS = r"""
import sys
import kx_ceremony.cli  # noqa: F401 - what `kx-ceremony gui` imports before the window
from PySide6.QtCore import QEvent, QObject
from kx_ceremony.commands.common import Context
from kx_ceremony.ui.app import make_app, build_window

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and window.honourees.model.rowCount() > 0:
            print("painted", window.honourees.model.rowCount(), flush=True)
            sys.exit(0)
        return False

from kx_ceremony.ui import startup

app = make_app()
ctx = Context(db=sys.argv[1])
lock = startup.take_window_lock(ctx.db)  # what `kx-ceremony gui` does before the window
startup.open_for_window(ctx)
window = build_window(ctx)
window.tabs.setCurrentWidget(window.honourees)
watcher = FirstPaint()
window.honourees.table.viewport().installEventFilter(watcher)
window.show()
app.exec()
"""


def launch(code: str, *args: str) -> float:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")])
    start = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    assert child.stdout is not None
    line = child.stdout.readline()  # printed at the first paint; shutdown is not counted
    elapsed = time.perf_counter() - start
    child.wait(timeout=120)
    if "painted" not in line:
        raise SystemExit(f"launch failed: {line!r}")
    return elapsed


def keystroke_ms(db: Path, keystrokes: str) -> list[float]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtTest import QTest

    from kx_ceremony.commands.common import Context
    from kx_ceremony.ui.app import build_window, make_app

    app = make_app()
    window = build_window(Context(db=str(db)))
    window.tabs.setCurrentWidget(window.honourees)
    window.show()
    app.processEvents()
    view = window.honourees
    painted: list[float] = []

    class Paints(QObject):
        def eventFilter(self, obj, event):  # noqa: N802 - Qt's name
            if event.type() == QEvent.Type.Paint:
                painted.append(time.perf_counter())
            return False

    watcher = Paints()
    view.table.viewport().installEventFilter(watcher)
    QTest.qWait(400)  # the idle-time search preparation runs, as during a user's first look
    times = []
    for text in keystrokes.split():
        view.search.clear()
        app.processEvents()
        for char in text:
            painted.clear()
            start = time.perf_counter()
            QTest.keyClick(view.search, char)
            view.table.viewport().repaint()  # the paint the event loop would do next
            app.processEvents()
            times.append(((painted[0] if painted else time.perf_counter()) - start) * 1000)
    window.close()
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--launches", type=int, default=5)
    args = parser.parse_args()
    from _bytecode import ensure_bytecode

    ensure_bytecode()
    from _bulk import make_store

    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "bench.sqlite"
        os.environ["KX_CEREMONY_CONFIG_DIR"] = str(Path(folder) / "config")
        os.environ["KX_CEREMONY_DATA_DIR"] = str(Path(folder) / "data")
        os.environ["KX_CEREMONY_LOG_DIR"] = str(Path(folder) / "logs")
        make_store(db, args.rows)
        launch(BARE)  # warm the disk cache for both
        launch(OURS, str(db))
        bare, floor, ours = [], [], []
        for _ in range(args.launches):
            bare.append(launch(BARE))
            floor.append(launch(FLOOR))
            ours.append(launch(OURS, str(db)))
        bare_s, ours_s = statistics.median(bare), statistics.median(ours)
        print(f"launch to first paint, bare QMainWindow+QTableView: {bare_s:.3f} s (median)")
        print(f"launch to first paint, KX Ceremony with {args.rows:,} honourees: {ours_s:.3f} s")
        floor_s = statistics.median(floor)
        print(
            f"  (floor: the bare window after `import kx_ceremony.cli`: {floor_s:.3f} s, "
            f"{floor_s / bare_s:.2f}x of the bare window)"
        )
        ratio = ours_s / bare_s
        print(f"ratio: {ratio:.2f}x (target <= 1.5x) {'OK' if ratio <= 1.5 else 'OVER'}")
        times = keystroke_ms(db, "nguyen thi lan truong ha")
        median, worst = statistics.median(times), max(times)
        print(
            f"search keystroke to repainted table at {args.rows:,} rows: median {median:.1f} ms, "
            f"worst {worst:.1f} ms over {len(times)} keystrokes (target <= 50 ms) "
            f"{'OK' if median <= 50 else 'OVER'}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
