"""An import interrupted half-way, by an exception or by killing the process, stores nothing."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap

import pytest
from import_files import SAMPLES, store_fingerprint

HALF = 13  # district.xlsx has 26 rows


def _count(path) -> int:  # type: ignore[no-untyped-def]
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT count(*) FROM honourees").fetchone()[0]


def _new_ceremony(store) -> int:  # type: ignore[no-untyped-def]
    import datetime as dt

    from kx_ceremony.core.services.ceremonies import CeremonyInput, create_ceremony

    return create_ceremony(store, CeremonyInput(title="Tổng kết", held_on=dt.date(2023, 1, 5)))


def test_exception_after_half_the_rows_rolls_everything_back(store, store_path, monkeypatch):
    from kx_ceremony.core.importing import run_import, service

    ceremony = _new_ceremony(store)

    monkeypatch.setattr(service, "INSERT_CHUNK", 5)
    before = _count(store_path)
    stored_so_far: list[int] = []

    def progress(done: int, total: int, stage: str) -> None:
        if stage == "Đang lưu":
            stored_so_far.append(done)
            if done >= HALF:
                raise RuntimeError("power cut")

    with pytest.raises(RuntimeError, match="power cut"):
        run_import(store, ceremony, SAMPLES / "district.xlsx", progress=progress)
    assert max(stored_so_far) >= HALF  # rows really were written before the failure
    assert _count(store_path) == before
    # and the same import then succeeds in full
    monkeypatch.setattr(service, "INSERT_CHUNK", 1000)
    result = run_import(store, ceremony, SAMPLES / "district.xlsx")
    assert result.stored and _count(store_path) == before + 26


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_process_killed_mid_import_leaves_nothing(store_path, tmp_path):
    from kx_ceremony.core.store import check_integrity, open_store

    store = open_store(str(store_path))
    ceremony = _new_ceremony(store)
    store.close()
    before = store_fingerprint(store_path)
    script = textwrap.dedent(
        f"""
        import os, signal
        from kx_ceremony.core.importing import run_import, service
        from kx_ceremony.core.store import open_store

        service.INSERT_CHUNK = 5

        def progress(done, total, stage):
            if stage == "Đang lưu" and done >= {HALF}:
                os.kill(os.getpid(), signal.SIGKILL)

        run_import(open_store({str(store_path)!r}), {ceremony}, {str(SAMPLES / "district.xlsx")!r},
                   progress=progress)
        print("not killed")
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )
    assert done.returncode == -signal.SIGKILL, done.stdout + done.stderr
    assert _count(store_path) == before[1]
    store = open_store(str(store_path))
    try:
        assert check_integrity(store) == []
    finally:
        store.close()
