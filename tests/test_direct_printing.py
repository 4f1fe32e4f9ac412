"""Direct printing through the system's spooler (QPrinter) onto CUPS's virtual PDF printer:
the page that comes out has the blank's size and every line of text within 1 mm of where
the -o PDF of the same job puts it (moved by the printer's own offset in blank mode)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import time
from pathlib import Path
from xml.etree import ElementTree

import pytest

from kx_ceremony.core.printing.printer_offset import PrinterOffset, save_offset

DPI = 150
PX_PER_MM = DPI / 25.4


def _cups_pdf_printer() -> str | None:
    if shutil.which("lpstat") is None:
        return None
    done = subprocess.run(["lpstat", "-v"], capture_output=True, text=True)
    for line in done.stdout.splitlines():
        match = re.match(r"device for (\S+): cups-pdf:/", line)
        if match:
            return match[1]
    return None


def _cups_pdf_folder() -> Path | None:
    if os.environ.get("KX_TEST_CUPS_PDF_DIR"):
        return Path(os.environ["KX_TEST_CUPS_PDF_DIR"])
    conf = Path("/etc/cups/cups-pdf.conf")
    if not conf.is_file():
        return None
    for line in conf.read_text(errors="replace").splitlines():
        if line.startswith("Out "):
            return Path(line.split(None, 1)[1].strip().replace("${HOME}", str(Path.home())))
    return None


PRINTER = _cups_pdf_printer()
OUT_DIR = _cups_pdf_folder()
needs_cups = pytest.mark.skipif(
    PRINTER is None or OUT_DIR is None,
    reason="no CUPS PDF printer (cups-pdf) on this machine; .ci/run installs one",
)


def pdfs_in(folder: Path) -> dict[Path, int]:
    """The PDFs in cups-pdf's folder and when each was last written (ns)."""
    return {p: p.stat().st_mtime_ns for p in folder.glob("*.pdf")}


def wait_for_pdf(folder: Path, before: dict[Path, int], timeout: float = 300) -> Path:
    """The PDF cups-pdf wrote since ``before``: a new name, or an old name written again
    (cups-pdf reuses a job's title as its name, overwriting, unless told to label it)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        new = [p for p, written in pdfs_in(folder).items() if before.get(p) != written]
        if new:
            path = new[0]
            done = subprocess.run(["pdfinfo", str(path)], capture_output=True)
            if done.returncode == 0:  # cups-pdf writes it whole before pdfinfo can read it
                return path
        time.sleep(1)
    raise AssertionError(f"no PDF from the printer in {folder}")


def _lines(pdf: Path, page: int) -> list[tuple[str, float, float, float, float]]:
    """(text, x0, y0, x1, y1) in millimetres of every line pdftotext finds on a page."""
    out = subprocess.run(
        ["pdftotext", "-bbox-layout", "-f", str(page), "-l", str(page), str(pdf), "-"],
        capture_output=True,
        check=True,
    ).stdout.decode()
    body = re.sub(r"<!DOCTYPE[^>]*>", "", out)
    body = body[body.index("<doc>") : body.index("</doc>") + 6]
    mm = 25.4 / 72
    lines = []
    for line in ElementTree.fromstring(body).iter("line"):
        words = " ".join(w.text or "" for w in line)
        box = [float(line.get(k)) * mm for k in ("xMin", "yMin", "xMax", "yMax")]
        lines.append((words, *box))
    return lines


def _gray(pdf: Path, page: int, folder: Path) -> tuple[int, int, bytes]:
    stem = folder / f"{pdf.stem}-{page}"
    subprocess.run(
        [
            "pdftoppm",
            "-gray",
            "-r",
            str(DPI),
            "-f",
            str(page),
            "-l",
            str(page),
            "-singlefile",
            str(pdf),
            str(stem),
        ],
        check=True,
    )
    data = stem.with_suffix(".pgm").read_bytes()
    magic, width, height, _max, pixels = data.split(maxsplit=4)
    assert magic == b"P5"
    return int(width), int(height), pixels


def _ink_box(image, x0, y0, x1, y1, margin=2.0):  # mm → ink bounding box in mm
    width, height, pixels = image
    left, top = max(0, int((x0 - margin) * PX_PER_MM)), max(0, int((y0 - margin) * PX_PER_MM))
    right = min(width, int((x1 + margin) * PX_PER_MM))
    bottom = min(height, int((y1 + margin) * PX_PER_MM))
    xs, ys = [], []
    for y in range(top, bottom):
        row = pixels[y * width + left : y * width + right]
        dark = [i for i, v in enumerate(row) if v < 128]
        if dark:
            ys.append(y)
            xs.extend((left + dark[0], left + dark[-1]))
    assert xs, f"no ink near ({x0:.1f}, {y0:.1f}) mm"
    return tuple(v / PX_PER_MM for v in (min(xs), min(ys), max(xs) + 1, max(ys) + 1))


@needs_cups
@pytest.mark.slow
def test_certificates_on_the_printer_at_full_scale(cli, demo_id, tmp_path):
    reference = tmp_path / "reference.pdf"
    assert (
        cli(
            "print",
            "certificates",
            "--ceremony",
            str(demo_id),
            "--round",
            "1",
            "-o",
            str(reference),
        ).status
        == 0
    )
    # This printer feeds 3 mm to the right and 2 mm high: blank mode moves the text by it.
    save_offset(PrinterOffset(3.0, -2.0), PRINTER)
    before = pdfs_in(OUT_DIR)
    result = cli(
        "print",
        "certificates",
        "--ceremony",
        str(demo_id),
        "--round",
        "1",
        "--printer",
        PRINTER,
        "--dpi",
        str(DPI * 2),
        "--reprint",
        "--reason",
        "in thử máy in",
    )
    assert result.status == 0, result.err
    assert "2 bằng khen" in result.out
    printed = wait_for_pdf(OUT_DIR, before)

    from pypdf import PdfReader

    pages = PdfReader(str(printed)).pages
    assert len(pages) == 2
    for page in pages:
        width_mm = float(page.mediabox.width) * 25.4 / 72
        height_mm = float(page.mediabox.height) * 25.4 / 72
        assert width_mm == pytest.approx(420, abs=1) and height_mm == pytest.approx(297, abs=1)
    for number in (1, 2):
        want = _gray(reference, number, tmp_path)
        got = _gray(printed, number, tmp_path)
        lines = _lines(reference, number)
        assert len(lines) >= 5
        for text, x0, y0, x1, y1 in lines:
            a = _ink_box(want, x0, y0, x1, y1)
            b = _ink_box(got, x0 + 3, y0 - 2, x1 + 3, y1 - 2)
            moved = [b[0] - a[0] - 3, b[1] - a[1] + 2, b[2] - a[2] - 3, b[3] - a[3] + 2]
            assert all(abs(d) <= 1.0 for d in moved), (text, moved)

    ledger = json.loads(cli("ledger", "--ceremony", str(demo_id), "--format", "json").out)
    assert [(r["target_kind"], r["target"]) for r in ledger] == [("file", str(reference))] * 2 + [
        ("printer", PRINTER)
    ] * 2


@needs_cups
def test_printers_lists_the_cups_printer(cli):
    listed = json.loads(cli("printers", "--format", "json").out)
    assert PRINTER in [p["name"] for p in listed]


def test_an_unknown_printer_is_one_plain_line(cli, demo_id, tmp_path):
    result = cli("print", "certificates", "--ceremony", str(demo_id), "--printer", "Không-có")
    assert result.status == 2 and len(result.err.strip().splitlines()) == 1
    assert "Không có máy in «Không-có»" in result.err
    assert json.loads(cli("ledger", "--ceremony", str(demo_id), "--format", "json").out) == []


def test_printer_options_need_a_printer(cli, demo_id, tmp_path):
    result = cli(
        "print",
        "script",
        "--ceremony",
        str(demo_id),
        "-o",
        str(tmp_path / "a.pdf"),
        "--copies",
        "2",
    )
    assert result.status == 2 and "--printer" in result.err
    both = cli(
        "print",
        "lineup",
        "--ceremony",
        str(demo_id),
        "-o",
        str(tmp_path / "a.pdf"),
        "--printer",
        "X",
    )
    assert both.status == 2
