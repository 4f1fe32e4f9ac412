"""The reader child's confinement (core/sandbox.py): its output to a file that is logged,
never shown (``output_tail``: what of it goes to the log); no Ctrl+C (the parent handles
it); no core file; and, on POSIX, a ceiling on the address space it may add to what it
started with."""

from __future__ import annotations

import contextlib
import os
import sys

LOG_TAIL = 4000  # bytes of the child's output kept for the log (its start and end)


def confine(output: str, budget: int) -> None:
    """Output to the log file, no Ctrl+C (the parent handles it), a memory ceiling."""
    import signal

    fd = os.open(output, os.O_WRONLY | os.O_APPEND)
    for target in (1, 2):
        os.dup2(fd, target)
    os.close(fd)
    sink = open(output, "a", encoding="utf-8", errors="replace")  # noqa: SIM115
    sys.stdout = sys.stderr = sink
    # A crash dump (faulthandler may be on, writing to some inherited descriptor) goes
    # to the same file.
    import faulthandler

    if faulthandler.is_enabled():
        faulthandler.enable(file=sink)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        import resource
    except ImportError:  # Windows: no address-space limit (see the module's docstring)
        return
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))  # an abort leaves no core file
    start = 0
    with contextlib.suppress(OSError, ValueError), open("/proc/self/statm") as fh:
        start = int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = start + budget
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def output_tail(path: str) -> str:
    """The start and the end of the child's output (a Rust panic says what first)."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(LOG_TAIL // 2)
            fh.seek(0, os.SEEK_END)
            size = fh.tell()
            if size <= LOG_TAIL:
                fh.seek(0)
                return fh.read().decode("utf-8", "replace")
            fh.seek(size - LOG_TAIL // 2)
            tail = fh.read()
    except OSError:
        return ""
    return (head + b"\n[...]\n" + tail).decode("utf-8", "replace")
