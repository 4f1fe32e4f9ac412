"""Take a screenshot of every screen, offscreen, at the three scalings offices use.

Usage: python tools/screenshots.py [OUT_DIR]        (default docs/screenshots/)
  OUT_DIR/             a 1366×768 laptop at 100 %
  OUT_DIR/125-phan-tram/  a 1920×1080 screen at 125 % (1536×864 logical pixels)
  OUT_DIR/150-phan-tram/  a 1920×1080 screen at 150 % (1280×720 logical pixels)
The images are in the screen's own pixels (a 150 % shot is 1920 pixels across).
Each scaling runs in its own process on Qt's offscreen platform with a screen of that
size and pixel ratio, and the window opens as it would there (maximised when the screen
is small). Uses a throw-away store with the sample ceremony, planned rounds and drafted
documents.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


SCALINGS = [  # folder, the screen's pixels across and down, Windows' scaling
    ("", 1366, 768, 1.0),
    ("125-phan-tram", 1920, 1080, 1.25),
    ("150-phan-tram", 1920, 1080, 1.5),
]


def main() -> int:
    import json
    import subprocess

    if len(sys.argv) > 2 and sys.argv[1] == "--one":
        return one_scaling(Path(sys.argv[2]))
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
    for folder, width, height, ratio in SCALINGS:
        config = Path(tempfile.mkdtemp(prefix="kx-screen-")) / "screen.json"
        screen = {"name": "office", "x": 0, "y": 0, "width": width, "height": height}
        screen.update(logicalDpi=96, logicalBaseDpi=96, dpr=1)
        config.write_text(json.dumps({"screens": [screen]}), encoding="utf-8")
        # Qt scales the whole window (fonts too) by QT_SCALE_FACTOR, as Windows' scaling
        # does: the screenshots are in the screen's real pixels.
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
            "QT_SCALE_FACTOR": str(ratio),
        }
        done = subprocess.run(
            [sys.executable, __file__, "--one", str(out / folder)], env=env, check=False
        )
        if done.returncode:
            return done.returncode
    return 0


def one_scaling(out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="kx-shots-"))
    for name in ("DATA", "CONFIG", "LOG"):
        os.environ[f"KX_CEREMONY_{name}_DIR"] = str(work / name.lower())

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from kx_ceremony.core.demo import create_demo
    from kx_ceremony.core.services.pledges.drafts import draft_covenant
    from kx_ceremony.core.services.pledges.editing import find_document
    from kx_ceremony.core.services.stage import plan_rounds
    from kx_ceremony.core.store import open_store
    from kx_ceremony.ui.app import make_app
    from kx_ceremony.ui.main_window import MainWindow
    from kx_ceremony.ui.tasks import InlineRunner

    app = make_app()
    store = open_store(str(work / "store.sqlite"))
    ceremony_id = create_demo(store)
    plan_rounds(store, ceremony_id, 6, force=True)
    if find_document(store, ceremony_id, "covenant") is None:  # the sample may ship one
        draft_covenant(
            store, ceremony_id, ["UBND xã Vũ Quý", "UBND xã Thanh Tân", "UBND xã Nam Cao"]
        )
    settings = QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(store, runner=InlineRunner(), ceremony_id=ceremony_id, settings=settings)
    from kx_ceremony.ui.window_size import show_window

    show_window(window)

    def settle() -> None:
        for _ in range(5):
            app.processEvents()

    def shot(widget, name: str) -> None:
        settle()
        widget.grab().save(str(out / f"{name}.png"))
        print(out / f"{name}.png")

    window.tabs.setCurrentWidget(window.honourees)
    shot(window, "01-danh-sach-khen-thuong")
    window.honourees.search.setText("nguyen")
    shot(window, "02-tim-kiem-khong-dau")
    window.honourees.search.clear()

    dialog = window.honourees.add()
    dialog.name.setText("Trần Thị Hoa")
    dialog.birth_year.setText("19x5")
    dialog._try_save()
    shot(dialog, "03-them-nguoi-loi-ngay-canh-o")
    dialog.reject()

    window.tabs.setCurrentWidget(window.ceremonies)
    shot(window, "04-buoi-le-danh-muc-quyet-dinh")

    window.tabs.setCurrentWidget(window.stage)
    shot(window, "05-san-khau-cac-dot")

    window.tabs.setCurrentWidget(window.pledges)
    shot(window, "06-giao-uoc-thi-dua")
    window.pledges.tabs.setCurrentWidget(window.pledges.pledge)
    if window.pledges.pledge.document is None:
        window.pledges.pledge.start_from_draft()
    shot(window, "07-cam-ket-thi-dua")

    window.tabs.setCurrentWidget(window.documents)
    window.documents.select("certificates")
    panel = window.documents.option_widgets[window.documents.list.currentRow()]
    panel.mode.setCurrentIndex(panel.mode.findData("full"))
    window.documents.preview()
    shot(window, "08-in-bang-khen-xem-truoc")

    dialog = window.open_import(ROOT / "tests" / "samples" / "district.xlsx")
    shot(dialog, "09-nhap-tu-bang-tinh")
    dialog.reject()

    # A real list whose awards lie outside the catalogue: one added as a new form, one
    # mapped to a catalogue form, two still to choose.
    dialog = window.open_import(
        ROOT / "tests" / "samples" / "real" / "r09_khenthuong_matran_x.xlsx"
    )
    dialog.tabs.setCurrentWidget(dialog.awards)
    for text, choice in (
        ("Giấy Khen Hiệu Trưởng", "new"),
        ("Bằng Khen Ủy Ban Nhân Dân Thành Phố", "Bằng khen của Chủ tịch UBND tỉnh"),
    ):
        combo = dialog.awards.combo(text)
        index = combo.findData(choice) if choice == "new" else combo.findText(choice)
        combo.setCurrentIndex(index)
        combo.activated.emit(index)
    shot(dialog, "11-nhap-hinh-thuc-khen-thuong")
    dialog.reject()

    from kx_ceremony.core.services.awards import find_award_form
    from kx_ceremony.ui.designer import open_designer
    from tests.ui.blank_image import draw_blank

    form = find_award_form(store, ceremony_id, "BK TTg")
    designer = open_designer(window, store, window.events, InlineRunner(), ceremony_id, form.id)
    designer.resize(window.size())
    settle()
    designer.actions.use_background(draw_blank(work / "phoi-quet.png"))  # a "scanned" blank
    designer.pick("recipient")
    designer.view.fit_sheet()
    shot(designer, "12-thiet-ke-mau-in")
    designer.undo_stack.setClean()
    designer.close()

    from kx_ceremony.ui import messages

    messages.report(window, RuntimeError("lỗi thử để chụp màn hình"))
    box = messages._open_boxes[-1]
    shot(box, "10-loi-khong-mong-doi")
    box.close()
    window.close()
    store.close()
    QApplication.processEvents()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
