"""Where things live: bundled resources, the user's data, settings and log folders."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_DIR_NAME = "kx-ceremony"


def resources_dir() -> Path:
    """The bundled resources folder, from a source checkout, a wheel or a frozen build."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "kx_ceremony" / "resources"
    package_dir = Path(__file__).resolve().parent.parent
    installed = package_dir / "resources"  # the wheel maps resources/ here
    if installed.is_dir():
        return installed
    return package_dir.parent / "resources"  # source checkout


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def _user_dir(kind: str, env: str) -> Path:
    override = os.environ.get(env)
    if override:
        return Path(override)
    import platformdirs

    getter = {
        "data": platformdirs.user_data_dir,
        "config": platformdirs.user_config_dir,
        "log": platformdirs.user_log_dir,
    }[kind]
    return Path(getter(APP_DIR_NAME, appauthor=False))


def user_data_dir() -> Path:
    return _user_dir("data", "KX_CEREMONY_DATA_DIR")


def user_config_dir() -> Path:
    return _user_dir("config", "KX_CEREMONY_CONFIG_DIR")


def user_log_dir() -> Path:
    return _user_dir("log", "KX_CEREMONY_LOG_DIR")


def default_store_path() -> Path:
    return user_data_dir() / "kx-ceremony.sqlite"


def file_in_the_way(folder: Path) -> Path | None:
    """The file (not a folder) that stands where ``folder`` or one of its parents should be."""
    for candidate in (folder, *folder.parents):
        if candidate.exists():
            return None if candidate.is_dir() else candidate
    return None
