"""The ledger of blanks: every certificate printed is recorded, a second print onto a blank
is refused unless it is a reprint with a reason, register numbers come from the award
form's pattern, and the ledger survives a restart and a backup/restore."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from printing_helpers import page_texts
from sqlalchemy import update

from kx_ceremony.core.model import Honouree
from kx_ceremony.core.services.awards import find_award_form
from kx_ceremony.core.services.print_ledger import list_ledger, printed_honourees
from kx_ceremony.core.store import open_store


def _print(cli, ceremony: int, out: Path, *extra: str):
    return cli("print", "certificates", "--ceremony", str(ceremony), "-o", str(out), *extra)


def _ledger(cli, ceremony: int) -> list[dict]:
    result = cli("ledger", "--ceremony", str(ceremony), "--format", "json")
    assert result.status == 0, result.err
    return json.loads(result.out)


def test_every_certificate_printed_is_recorded(cli, demo_id, tmp_path):
    out = tmp_path / "dot1.pdf"
    assert _print(cli, demo_id, out, "--round", "1").status == 0
    rows = _ledger(cli, demo_id)
    assert [r["honouree"] for r in rows] == ["Phạm Thị Thu Hằng", "Bùi Văn Khải"]
    first = rows[0]
    assert first["award"] == "Bằng khen của Thủ tướng Chính phủ"
    assert first["mode"] == "blank" and first["register_number"] == "TTG-001"
    assert first["target_kind"] == "file" and first["target"] == str(out.resolve())
    assert first["reprint"] is False and first["printed_at"]
    table = cli("ledger", "--ceremony", str(demo_id))
    assert "Phạm Thị Thu Hằng" in table.out and "lên phôi" in table.out


def test_second_print_onto_blanks_is_refused_naming_who(cli, demo_id, tmp_path):
    assert _print(cli, demo_id, tmp_path / "a.pdf", "--round", "1").status == 0
    again = tmp_path / "b.pdf"
    result = _print(cli, demo_id, again, "--round", "1")
    assert result.status == 2
    assert len(result.err.strip().splitlines()) == 1
    assert "Phạm Thị Thu Hằng" in result.err and "--reprint" in result.err
    assert not again.exists()
    assert len(_ledger(cli, demo_id)) == 2
    # A different round is not refused: nobody in it was printed yet.
    assert _print(cli, demo_id, tmp_path / "c.pdf", "--round", "2").status == 0


def test_reprint_needs_a_reason_and_is_recorded_with_it(cli, demo_id, tmp_path):
    assert _print(cli, demo_id, tmp_path / "a.pdf", "--round", "1").status == 0
    no_reason = _print(cli, demo_id, tmp_path / "b.pdf", "--round", "1", "--reprint")
    assert no_reason.status == 2 and "lý do" in no_reason.err
    reason_only = _print(cli, demo_id, tmp_path / "b.pdf", "--round", "1", "--reason", "x")
    assert reason_only.status == 2 and "--reprint" in reason_only.err
    assert len(_ledger(cli, demo_id)) == 2
    ok = _print(
        cli, demo_id, tmp_path / "b.pdf", "--round", "1", "--reprint", "--reason", "kẹt giấy"
    )
    assert ok.status == 0, ok.err
    rows = _ledger(cli, demo_id)
    assert [(r["reprint"], r["reason"]) for r in rows] == [
        (False, ""),
        (False, ""),
        (True, "kẹt giấy"),
        (True, "kẹt giấy"),
    ]


def test_full_prints_and_previews_are_recorded_never_refused(cli, store, demo_id, tmp_path):
    from kx_ceremony.core.printing.certificates import print_certificates

    for name in ("f1.pdf", "f2.pdf"):
        assert _print(cli, demo_id, tmp_path / name, "--round", "1", "--mode", "full").status == 0
    for _ in range(2):
        print_certificates(store, demo_id, tmp_path / "p.pdf", round_number=1, preview=True)
    modes = [r["mode"] for r in _ledger(cli, demo_id)]
    assert modes == ["full"] * 4 + ["preview"] * 4
    # Previews in blank mode used no blank: the first real blank print still goes through.
    assert _print(cli, demo_id, tmp_path / "b.pdf", "--round", "1").status == 0
    status = printed_honourees(store, demo_id)
    assert {r.mode for r in status.values()} == {"blank"} and len(status) == 2


def _clear_numbers(store, ceremony_id: int, form_id: int) -> None:
    with store.transaction() as session:
        session.execute(
            update(Honouree).where(Honouree.award_form_id == form_id).values(register_number="")
        )


def test_register_numbers_from_the_pattern_per_award_and_year(cli, store, demo_id, tmp_path):
    form = find_award_form(store, demo_id, "BK tỉnh")
    _clear_numbers(store, demo_id, form.id)
    result = cli(
        "register-pattern", "--ceremony", str(demo_id), "--award", "BK tỉnh", "{year}/{n:04d}"
    )
    assert result.status == 0, result.err
    # A preview shows no number and uses none.
    preview = tmp_path / "preview.pdf"
    from kx_ceremony.core.printing.certificates import print_certificates

    print_certificates(store, demo_id, preview, round_number=2, preview=True, mode="full")
    assert "Số sổ vàng" not in page_texts(preview)[0]
    out = tmp_path / "dot2.pdf"
    cli(
        "print",
        "certificates",
        "--ceremony",
        str(demo_id),
        "--award",
        "BK tỉnh",
        "--round",
        "2",
        "-o",
        str(out),
        "--mode",
        "full",
    )
    texts = page_texts(out)
    assert "Số sổ vàng: 2023/0001" in texts[0] and "Số sổ vàng: 2023/0010" in texts[9]
    numbers = [r["register_number"] for r in _ledger(cli, demo_id) if r["mode"] == "full"]
    assert numbers == [f"2023/{n:04d}" for n in range(1, 11)]
    # The numbers are kept with the honourees: the blank print carries the same ones.
    blank = tmp_path / "blank.pdf"
    assert _print(cli, demo_id, blank, "--round", "2").status == 0
    assert "Số sổ vàng: 2023/0001" in page_texts(blank)[0]
    # A new honouree of the same award gets the next number, not a used one.
    with store.transaction() as session:
        session.execute(update(Honouree).where(Honouree.id == 12).values(register_number=""))
    with store.transaction() as session:
        first = session.get(Honouree, 3)
        first.register_number = ""
    # Honourees 3 and 12 lost their numbers: they get 11 and 12.
    again = tmp_path / "again.pdf"
    r = _print(cli, demo_id, again, "--round", "2", "--mode", "full")
    assert r.status == 0, r.err
    last = [x["register_number"] for x in _ledger(cli, demo_id)][-10:]
    assert sorted(last)[-2:] == ["2023/0011", "2023/0012"]


@pytest.mark.parametrize(
    "pattern", ["{n.__class__}", "{year}", "{x}/{n}", "{n:>10}", "{n", "{year!r}/{n}"]
)
def test_bad_register_patterns_are_refused(cli, store, demo_id, pattern):
    result = cli("register-pattern", "--ceremony", str(demo_id), "--award", "BK tỉnh", pattern)
    assert result.status == 2 and len(result.err.strip().splitlines()) == 1
    assert "Mẫu số sổ vàng" in result.err
    assert find_award_form(store, demo_id, "BK tỉnh").register_pattern == ""


def test_cancelled_job_records_nothing(store, demo_id, tmp_path):
    from kx_ceremony.core.errors import Cancelled
    from kx_ceremony.core.printing.certificates import print_certificates

    seen: list[int] = []
    with pytest.raises(Cancelled):
        print_certificates(
            store,
            demo_id,
            tmp_path / "c.pdf",
            progress=lambda d, t: seen.append(d),
            should_cancel=lambda: len(seen) >= 5,
        )
    assert list_ledger(store, demo_id) == []


def test_ledger_survives_restart_and_backup_restore(cli, store, demo_id, store_path, tmp_path):
    assert _print(cli, demo_id, tmp_path / "a.pdf", "--round", "1").status == 0
    store.close()
    reopened = open_store(str(store_path))  # a restart
    try:
        assert [r.honouree_name for r in list_ledger(reopened, demo_id)] == [
            "Phạm Thị Thu Hằng",
            "Bùi Văn Khải",
        ]
    finally:
        reopened.close()
    backup = tmp_path / "copy.sqlite"
    assert cli("backup", "-o", str(backup)).status == 0
    assert _print(cli, demo_id, tmp_path / "b.pdf", "--round", "3").status == 0
    assert len(_ledger(cli, demo_id)) == 12
    restored = cli("restore", str(backup))
    assert restored.status == 0, restored.err
    assert [r["honouree"] for r in _ledger(cli, demo_id)] == ["Phạm Thị Thu Hằng", "Bùi Văn Khải"]
    # The restored ledger still guards the blanks.
    assert _print(cli, demo_id, tmp_path / "c.pdf", "--round", "1").status == 2


def test_ledger_on_every_store(any_db, cli, tmp_path):
    assert cli("demo", db=any_db).status == 0
    assert (
        cli(
            "print",
            "certificates",
            "--ceremony",
            "1",
            "--round",
            "1",
            "-o",
            str(tmp_path / "a.pdf"),
            db=any_db,
        ).status
        == 0
    )
    again = cli(
        "print",
        "certificates",
        "--ceremony",
        "1",
        "--round",
        "1",
        "-o",
        str(tmp_path / "b.pdf"),
        db=any_db,
    )
    assert again.status == 2 and "Phạm Thị Thu Hằng" in again.err
    listed = cli("ledger", "--ceremony", "1", "--format", "json", db=any_db)
    assert [r["mode"] for r in json.loads(listed.out)] == ["blank", "blank"]
