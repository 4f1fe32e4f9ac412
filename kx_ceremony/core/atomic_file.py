"""Writing an output file whole or not at all.

The content goes to a temporary file beside the target, which is renamed over the target
only once it is complete: a failed or interrupted write leaves no half file, and the old
file (if any) is untouched. A target that is read-only, or held open by another program
(Excel locks the workbooks it has open on Windows), is refused with a sentence that says
what to do.

A set of files for one folder (``print certificates --split DIR``) is written into a
private temporary folder beside DIR (same file system) and moved in only when every file
is complete (``staged_folder``): a failure, a full disk or a kill leaves DIR's files as
they were and no half file in it. Nothing is written through a symlink: DIR itself may
not be one, and a link planted at a file's name is replaced, never followed.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import shutil
import stat
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from kx_ceremony.core.errors import UserError

log = logging.getLogger(__name__)

_LOCKED_ERRNOS = {errno.EACCES, errno.EPERM, errno.EBUSY, errno.ETXTBSY}


def check_target(target: Path, suffixes: tuple[str, ...]) -> Path:
    """Refuse, before any work is done, a target that cannot be written."""
    target = Path(target).expanduser()
    if target.suffix.lower() not in suffixes:
        wanted = " hoặc ".join(suffixes)
        raise UserError(
            f"Tệp kết quả {target} phải có đuôi {wanted}; hãy đặt tên như "
            f"{target.with_suffix(suffixes[0]).name}."
        )
    if target.is_dir():
        raise UserError(
            f"{target} là một thư mục; hãy ghi tên tệp, ví dụ {target / 'danh-sach.xlsx'}."
        )
    if not target.parent.is_dir():
        raise UserError(
            f"Không có thư mục {target.parent}; hãy tạo thư mục đó hoặc chọn nơi lưu khác."
        )
    # Mode bits, not os.access: an administrator may write anywhere, but a file marked
    # read-only was marked so on purpose (and on Windows that is the read-only attribute).
    if target.exists() and not target.stat().st_mode & stat.S_IWUSR:
        raise UserError(
            f"Tệp {target} đang ở chế độ chỉ đọc nên không ghi đè được; tệp cũ giữ nguyên. "
            "Hãy bỏ thuộc tính chỉ đọc hoặc chọn tên tệp khác."
        )
    return target


def write_atomically(target: Path, write: Callable[[Path], None]) -> Path:
    """Call ``write(temporary_path)``, then move the finished file onto ``target``."""
    target = Path(target)
    try:
        handle, name = tempfile.mkstemp(
            dir=target.parent, prefix=f".{target.stem}-", suffix=f"{target.suffix}.partial"
        )
        os.close(handle)
    except OSError as exc:
        raise UserError(
            f"Không ghi được vào thư mục {target.parent} ({exc.strerror or exc}). "
            "Hãy chọn thư mục khác hoặc kiểm tra quyền ghi."
        ) from exc
    partial = Path(name)
    try:
        write(partial)
        _give_usual_mode(partial, target)
        _replace(partial, target)
    except OSError as exc:
        raise UserError(
            f"Không ghi được tệp {target} ({exc.strerror or exc}); tệp cũ (nếu có) giữ nguyên. "
            "Hãy kiểm tra ổ đĩa còn chỗ trống và quyền ghi rồi thử lại."
        ) from exc
    finally:
        with contextlib.suppress(FileNotFoundError):
            partial.unlink()
    return target


def _give_usual_mode(partial: Path, target: Path) -> None:
    """The mode a file saved by any program gets (an existing target keeps its own).

    mkstemp makes its file readable by its owner only; a PDF or workbook saved for the office
    to print from a shared folder must be readable like any other saved file.
    """
    mode = stat.S_IMODE(target.stat().st_mode) if target.exists() else 0o666 & ~_umask()
    os.chmod(partial, mode)


def _umask() -> int:
    """The process umask, read without changing it (os.umask would, for every thread)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    return 0o022


def _replace(partial: Path, target: Path) -> None:
    try:
        os.replace(partial, target)
    except OSError as exc:
        if exc.errno in _LOCKED_ERRNOS or isinstance(exc, PermissionError):
            log.info("cannot replace %s: %s", target, exc)
            raise UserError(
                f"Không ghi đè được tệp {target}: tệp đang mở trong chương trình khác (ví dụ "
                "Excel) hoặc bị khóa; tệp cũ giữ nguyên. Hãy đóng tệp đó rồi thử lại, hoặc chọn "
                "tên khác."
            ) from exc
        raise


def check_folder(folder: Path) -> Path:
    """Refuse, before any work, a folder for many files that cannot be written safely."""
    folder = Path(folder).expanduser()
    if folder.is_symlink():
        raise UserError(
            f"{folder} là một liên kết (symlink) tới nơi khác nên không ghi vào đó; hãy chọn "
            "một thư mục thật."
        )
    if folder.exists() and not folder.is_dir():
        raise UserError(f"{folder} là một tệp, không phải thư mục; hãy chọn thư mục khác.")
    if not folder.parent.is_dir():
        raise UserError(
            f"Không có thư mục {folder.parent}; hãy tạo thư mục đó hoặc chọn nơi lưu khác."
        )
    return folder


class StagedFolder:
    """Files written into ``stage`` (private, beside ``folder``), moved in by ``commit``."""

    def __init__(self, folder: Path, stage: Path) -> None:
        self.folder, self.stage = folder, stage
        self.names: list[str] = []

    def path_for(self, name: str) -> Path:
        """Where to write the file that will be ``folder / name``."""
        if Path(name).name != name or name in ("", ".", ".."):
            raise ValueError(f"not a plain file name: {name!r}")
        final = self.folder / name
        if final.is_dir() and not final.is_symlink():
            raise UserError(
                f"Trong {self.folder} đã có thư mục tên «{name}»; hãy đổi tên thư mục đó hoặc "
                "chọn thư mục khác. Chưa ghi tệp nào."
            )
        self.names.append(name)
        return self.stage / name

    def commit(self) -> list[Path]:
        """Move every finished file in; a symlink at a name is replaced, not followed."""
        for name in self.names:
            _sync_file(self.stage / name)
        with contextlib.suppress(FileExistsError):
            os.mkdir(self.folder)
        check_folder(self.folder)  # not swapped for a link while we worked
        moved = []
        for name in self.names:
            target = self.folder / name
            _replace(self.stage / name, target)  # rename(2) never follows the final name
            moved.append(target)
        _sync_folder(self.folder)
        return moved


@contextlib.contextmanager
def staged_folder(folder: Path) -> Iterator[StagedFolder]:
    """A ``StagedFolder`` for ``folder``; on any error nothing is moved and the stage goes."""
    folder = check_folder(folder)
    try:
        stage = Path(
            tempfile.mkdtemp(dir=folder.parent, prefix=f".{folder.name}-", suffix=".partial")
        )
    except OSError as exc:
        raise UserError(
            f"Không ghi được vào thư mục {folder.parent} ({exc.strerror or exc}). "
            "Hãy chọn thư mục khác hoặc kiểm tra quyền ghi."
        ) from exc
    try:
        yield StagedFolder(folder, stage)
    except OSError as exc:
        raise UserError(
            f"Không ghi được các tệp vào {folder} ({exc.strerror or exc}); các tệp đã có trong "
            "thư mục giữ nguyên. Hãy kiểm tra ổ đĩa còn chỗ trống và quyền ghi rồi thử lại."
        ) from exc
    finally:
        shutil.rmtree(stage, ignore_errors=True)


def _sync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _sync_folder(folder: Path) -> None:
    if sys.platform == "win32":
        return  # Windows cannot open a folder to flush it; NTFS journals the renames
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
