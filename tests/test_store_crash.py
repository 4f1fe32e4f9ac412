"""A process killed (SIGKILL) in the middle of a bulk insert or a bulk edit.

A child process writes batches, each in one transaction, and says on stdout when it is
inside a batch (rows already flushed to SQLite, not yet committed) and when a batch is
committed; the test kills it there. The store must pass the integrity check and hold
every batch whole or not at all, and every batch reported committed.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import textwrap
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import select

from kx_ceremony.core.model import Honouree
from kx_ceremony.core.store import open_store
from kx_ceremony.core.store.maintenance import check_store

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")

BATCH = 30

IMPORTER = textwrap.dedent(
    f"""
    import sys, time
    from kx_ceremony.core.store import open_store
    from kx_ceremony.core.services.awards import list_award_forms
    from kx_ceremony.core.services.honourees import HonoureeInput, insert_honourees

    db, ceremony, first, pause = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
    store = open_store(db)
    form = next(f for f in list_award_forms(store, ceremony) if "individual" in f.kinds)
    for batch in range(first, first + 10_000):
        with store.transaction() as session:
            items = [
                HonoureeInput(
                    name=f"Nguyễn Văn Lô{{batch}} Số{{i}}",
                    award_form_id=form.id,
                    unit=f"Lô {{batch}}",
                    achievement="Đã có thành tích xuất sắc " * 20,
                )
                for i in range({BATCH})
            ]
            insert_honourees(session, ceremony, items[: {BATCH} // 2])
            print("inside", batch, flush=True)
            if batch == first + 1:
                time.sleep(pause)  # a moment the test can kill in, whatever the machine's load
            insert_honourees(session, ceremony, items[{BATCH} // 2 :])
        print("committed", batch, flush=True)
    """
)

EDITOR = textwrap.dedent(
    """
    import sys
    from sqlalchemy import select
    from kx_ceremony.core.model import Honouree
    from kx_ceremony.core.store import open_store

    db, ceremony = sys.argv[1], int(sys.argv[2])
    store = open_store(db)
    for edit in range(1, 100_000):
        with store.transaction() as session:
            rows = list(session.scalars(select(Honouree).where(Honouree.ceremony_id == ceremony)))
            for number, honouree in enumerate(rows):
                honouree.note = f"lần sửa {edit}"
                honouree.position_on_stage = edit
                if number == len(rows) // 2:
                    session.flush()
                    print("inside", edit, flush=True)
        print("committed", edit, flush=True)
    """
)


def _run_until(script: str, args: list[str], wanted: str, extra_delay: float) -> list[str]:
    """Start the child, kill it with SIGKILL once it printed ``wanted`` (plus a delay)."""
    child = subprocess.Popen(
        [sys.executable, "-c", script, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    lines: list[str] = []
    try:
        while True:
            line = child.stdout.readline() if child.stdout else ""
            if not line:
                raise AssertionError(
                    f"child stopped early: {child.stderr.read() if child.stderr else ''}"
                )
            lines.append(line.strip())
            if line.strip() == wanted:
                break
        if extra_delay:
            import time

            time.sleep(extra_delay)
    finally:
        child.kill()  # SIGKILL: no cleanup, no rollback by Python
        child.wait(timeout=30)
    assert child.returncode == -9
    if child.stdout:
        # Only whole lines: the kill may cut the last one short ("committed" with no number).
        lines += [line.strip() for line in child.stdout.read().split("\n")[:-1]]
    return lines


def _committed(lines: list[str]) -> set[int]:
    return {int(line.split()[1]) for line in lines if line.startswith("committed")}


def _assert_sound(store_path: Path) -> None:
    result = check_store(str(store_path))
    assert result.ok, result.problems


def test_killed_import_leaves_each_batch_whole_or_absent(store, demo_id, store_path) -> None:
    store.close()
    rng = random.Random(9)
    committed: set[int] = set()
    for round_number in range(3):
        first = round_number * 1000
        # First kill surely inside the second batch (it pauses there), then at random moments.
        pause = 60.0 if round_number == 0 else 0.0
        delay = 0.0 if round_number == 0 else rng.uniform(0.0, 0.15)
        lines = _run_until(
            IMPORTER,
            [str(store_path), str(demo_id), str(first), str(pause)],
            f"inside {first + 1}",
            delay,
        )
        committed |= _committed(lines)
        _assert_sound(store_path)

    reopened = open_store(str(store_path))
    try:
        with reopened.reading() as session:
            units = Counter(
                h.unit for h in session.scalars(select(Honouree).where(Honouree.unit.like("Lô %")))
            )
    finally:
        reopened.close()
    assert all(count == BATCH for count in units.values()), units
    present = {int(unit.split()[1]) for unit in units}
    assert committed <= present  # a batch reported committed survived the kill
    assert 0 in present and 1000 in present and 2000 in present
    assert 1 not in present  # round 1 was killed inside batch 1, before its commit


def test_killed_bulk_edit_is_all_or_nothing(store, demo_id, store_path) -> None:
    store.close()
    for delay in (0.0, 0.02, 0.08):
        lines = _run_until(EDITOR, [str(store_path), str(demo_id)], "inside 3", delay)
        _assert_sound(store_path)
        reopened = open_store(str(store_path))
        try:
            with reopened.reading() as session:
                rows = list(
                    session.scalars(select(Honouree).where(Honouree.ceremony_id == demo_id))
                )
                notes = {h.note for h in rows}
                stages = {h.position_on_stage for h in rows}
        finally:
            reopened.close()
        assert len(rows) == 28
        assert len(notes) == 1 and len(stages) == 1, (notes, stages)
        last = max(_committed(lines))
        assert stages.pop() in (last, last + 1)
