"""Long work (import, printing, plans) off the GUI thread, with progress and cancel.

A task is a plain function ``fn(progress) -> result``; ``progress(done, total, text)``
reports and raises ``Cancelled`` once the user pressed Cancel, so core functions that
take a progress callback can be handed it directly. ``BackgroundRunner`` runs tasks on
a thread pool; ``InlineRunner`` runs them at once on the caller's thread (tests).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from kx_ceremony.core.errors import Cancelled
from kx_ceremony.ui import messages

log = logging.getLogger(__name__)

ProgressFn = Callable[..., None]
Task = Callable[[ProgressFn], Any]
Done = Callable[[Any], None]


class Progress:
    """The callback a task calls; thread-safe; raises Cancelled after cancel()."""

    def __init__(self, report: Callable[[int, int, str], None] | None = None) -> None:
        self._cancel = threading.Event()
        self._report = report

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def __call__(self, done: int = 0, total: int = 0, text: str = "") -> None:
        if self._cancel.is_set():
            raise Cancelled()
        if self._report is not None:
            self._report(int(done), int(total), str(text))


class Runner(Protocol):
    def run(
        self,
        parent: QWidget | None,
        title: str,
        task: Task,
        on_done: Done,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None: ...

    def busy(self) -> bool: ...

    def cancel_all(self, wait_msecs: int = 5000) -> bool: ...


class _Signals(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, task: Task, progress: Progress, signals: _Signals) -> None:
        super().__init__()
        self.task, self.progress, self.signals = task, progress, signals
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.task(self.progress)
        except BaseException as exc:  # noqa: BLE001 - handed to the GUI thread to report
            self.signals.failed.emit(exc)
        else:
            self.signals.finished.emit(result)


class BackgroundRunner:
    """Runs a task on a worker thread; a progress dialog with Cancel shows after 0.4 s."""

    def __init__(self) -> None:
        self.pool = QThreadPool()
        self.pool.setMaxThreadCount(1)  # one writer at a time keeps SQLite happy
        self._live: list[tuple[_Signals, QProgressDialog, Progress]] = []

    def run(
        self,
        parent: QWidget | None,
        title: str,
        task: Task,
        on_done: Done,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        signals = _Signals()
        dialog = QProgressDialog(title, QProgressDialog.tr("Hủy"), 0, 0, parent)
        dialog.setWindowTitle(title)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(400)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        progress = Progress(signals.progress.emit)
        dialog.canceled.connect(progress.cancel)
        entry = (signals, dialog, progress)
        self._live.append(entry)

        def show_progress(done: int, total: int, text: str) -> None:
            dialog.setMaximum(max(total, 0))
            dialog.setValue(min(done, total) if total else 0)
            if text:
                dialog.setLabelText(text)

        def finish() -> None:
            dialog.canceled.disconnect(progress.cancel)
            dialog.close()
            dialog.deleteLater()
            if entry in self._live:
                self._live.remove(entry)

        def succeeded(result: Any) -> None:
            finish()
            _deliver(parent, on_done, result)

        def failed(exc: BaseException) -> None:
            finish()
            _fail(parent, exc, on_error)

        signals.progress.connect(show_progress)
        signals.finished.connect(succeeded)
        signals.failed.connect(failed)
        self.pool.start(_Job(task, progress, signals))

    def busy(self) -> bool:
        return bool(self._live)

    def cancel_all(self, wait_msecs: int = 5000) -> bool:
        """Ask every running job to stop (the window is closing); True once all stopped."""
        for _signals, _dialog, progress in self._live:
            progress.cancel()
        return self.pool.waitForDone(wait_msecs)

    def wait(self, msecs: int = -1) -> bool:
        return self.pool.waitForDone(msecs)


class InlineRunner:
    """The same contract, run at once on this thread: for tests and tiny jobs."""

    def __init__(self) -> None:
        self.reports: list[tuple[int, int, str]] = []
        self.cancel_after: int | None = None  # tests: cancel after this many reports

    def run(
        self,
        parent: QWidget | None,
        title: str,
        task: Task,
        on_done: Done,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        progress = Progress(self._record)
        self._progress = progress
        try:
            result = task(progress)
        except BaseException as exc:  # noqa: BLE001 - same boundary as the thread pool
            _fail(parent, exc, on_error)
        else:
            _deliver(parent, on_done, result)

    def _record(self, done: int, total: int, text: str) -> None:
        self.reports.append((done, total, text))
        if self.cancel_after is not None and len(self.reports) >= self.cancel_after:
            self._progress.cancel()

    def busy(self) -> bool:
        return False

    def cancel_all(self, wait_msecs: int = 0) -> bool:
        return True

    def wait(self, msecs: int = -1) -> bool:
        return True


def _deliver(parent: QWidget | None, on_done: Done, result: Any) -> None:
    try:
        on_done(result)
    except Exception as exc:  # noqa: BLE001 - the window's error boundary
        messages.report(parent, exc)


def _fail(
    parent: QWidget | None,
    exc: BaseException,
    on_error: Callable[[BaseException], None] | None,
) -> None:
    if isinstance(exc, (KeyboardInterrupt, SystemExit)):
        raise exc
    if on_error is not None:
        try:
            on_error(exc)
        except Exception as again:  # noqa: BLE001
            messages.report(parent, again)
        return
    messages.report(parent, exc)
