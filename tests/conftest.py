"""Shared fixtures: every test gets its own store, data, settings and log folders."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _office_laptop_screen() -> None:
    """Window tests run on the screen an office laptop has: 1366×768 at 100 %.

    Qt's offscreen platform otherwise gives an 800×800 screen, which no real office has
    and which would hide a window that does not fit a laptop. The screen is given to the
    offscreen platform as a configuration file (Qt 6's offscreen:configfile=).
    """
    if os.environ.get("QT_QPA_PLATFORM") != "offscreen":
        return
    import json
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="kx-test-screen-"))
    config = folder / "screen.json"
    screen = {"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768}
    screen.update(logicalDpi=96, logicalBaseDpi=96, dpr=1)
    config.write_text(json.dumps({"screens": [screen]}), encoding="utf-8")
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"


_office_laptop_screen()

SAMPLES = Path(__file__).parent / "samples"


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Nothing a test does touches the real user's folders or store."""
    monkeypatch.setenv("KX_CEREMONY_DATA_DIR", str(tmp_path / "user-data"))
    monkeypatch.setenv("KX_CEREMONY_CONFIG_DIR", str(tmp_path / "user-config"))
    monkeypatch.setenv("KX_CEREMONY_LOG_DIR", str(tmp_path / "user-logs"))
    monkeypatch.delenv("KX_CEREMONY_DB", raising=False)


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "store.sqlite"


@pytest.fixture
def store(store_path: Path):
    from kx_ceremony.core.store import open_store

    opened = open_store(str(store_path))
    yield opened
    opened.close()


@pytest.fixture
def demo_id(store) -> int:
    from kx_ceremony.core.demo import create_demo

    return create_demo(store)


@dataclass
class CliResult:
    status: int
    out: str
    err: str

    @property
    def last_line(self) -> str:
        lines = self.out.strip().splitlines()
        return lines[-1] if lines else ""


@pytest.fixture
def cli(store_path: Path, capsys: pytest.CaptureFixture[str]):
    """Run the command line in this process against the test's store."""
    from kx_ceremony.cli import main

    def run(*args: str, db: Path | str | None = store_path) -> CliResult:
        argv = (["--db", str(db)] if db is not None else []) + list(args)
        capsys.readouterr()
        status = main(argv)
        captured = capsys.readouterr()
        return CliResult(status, captured.out, captured.err)

    return run


@pytest.fixture
def cli_process(store_path: Path):
    """Run ``python -m kx_ceremony`` as a separate process, as a user would."""

    def run(*args: str, db: Path | str | None = store_path, timeout: float = 120) -> CliResult:
        argv = (["--db", str(db)] if db is not None else []) + list(args)
        done = subprocess.run(
            [sys.executable, "-m", "kx_ceremony", *argv],
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=timeout,
            env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        )
        return CliResult(done.returncode, done.stdout, done.stderr)

    return run


# ---------------------------------------------------------------------------
# The same store and service tests on every kind of store: SQLite always, PostgreSQL when
# KX_TEST_POSTGRES_URL names a server (.ci/run starts one and sets it). Use `any_db` (the
# --db value) or `any_store` (opened) in a test that must hold on both.

POSTGRES_ENV = "KX_TEST_POSTGRES_URL"


def _backend_params() -> list:
    return [
        pytest.param("sqlite", id="sqlite"),
        pytest.param(
            "postgresql",
            id="postgresql",
            marks=pytest.mark.skipif(
                not os.environ.get(POSTGRES_ENV), reason=f"{POSTGRES_ENV} is not set"
            ),
        ),
    ]


@pytest.fixture(params=_backend_params())
def any_db(request: pytest.FixtureRequest, tmp_path: Path):
    """A fresh, empty store: a SQLite file, or a private schema on the PostgreSQL server."""
    if request.param == "sqlite":
        yield str(tmp_path / "any.sqlite")
        return
    import uuid

    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    base = make_url(os.environ[POSTGRES_ENV])
    schema = f"kx_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = base.update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture
def any_store(any_db: str):
    from kx_ceremony.core.store import open_store

    opened = open_store(any_db)
    yield opened
    opened.close()


# ---------------------------------------------------------------------------
# Real read-only and full disks, made with mount (needs root, as CI has; skipped elsewhere)


def _mount(*args: str) -> bool:
    if sys.platform != "linux" or os.geteuid() != 0:
        return False
    done = subprocess.run(["mount", *args], capture_output=True)
    return done.returncode == 0


def _unmount(where: Path) -> None:
    subprocess.run(["umount", "-l", str(where)], capture_output=True)


@pytest.fixture
def read_only_disk(tmp_path: Path):
    """(writable, read_only): one folder seen twice, the second through a read-only mount,
    as a store on a write-protected USB stick or a read-only network share is seen."""
    writable, read_only = tmp_path / "disk", tmp_path / "read-only-disk"
    writable.mkdir()
    read_only.mkdir()
    if not _mount("--bind", str(writable), str(read_only)):
        pytest.skip("a read-only mount needs root on Linux")
    try:
        if not _mount("-o", "remount,ro,bind", str(read_only)):
            pytest.skip("cannot make the mount read-only here")
        yield writable, read_only
    finally:
        _unmount(read_only)


@pytest.fixture
def full_disk(tmp_path: Path):
    """A folder on a real 256 KiB disk (tmpfs): writes beyond it fail with ENOSPC."""
    folder = tmp_path / "small-disk"
    folder.mkdir()
    if not _mount("-t", "tmpfs", "-o", "size=256k", "tmpfs", str(folder)):
        pytest.skip("a small tmpfs needs root on Linux")
    try:
        yield folder
    finally:
        _unmount(folder)


@pytest.fixture
def fill_disk():
    """fill(folder, room=0): write a filler file until the disk is full, then free ``room``
    bytes of it."""

    def fill(folder: Path, room: int = 0) -> None:
        filler = folder / "filler"
        fd = os.open(filler, os.O_WRONLY | os.O_CREAT | os.O_APPEND)
        try:
            while os.write(fd, b"\0" * 4096):
                pass
        except OSError:
            pass
        finally:
            os.close(fd)
        if room:
            os.truncate(filler, max(0, filler.stat().st_size - room))

    return fill
