"""The core never imports Qt: not in its source, and not at run time."""

import ast
import subprocess
import sys
from pathlib import Path

import kx_ceremony

CORE = Path(kx_ceremony.__file__).parent / "core"


def test_no_core_module_imports_qt():
    offenders = []
    for path in CORE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(n.split(".")[0] in {"PySide6", "PyQt5", "PyQt6", "shiboken6"} for n in names):
                offenders.append(str(path))
    assert offenders == []
    assert len(list(CORE.rglob("*.py"))) > 10  # the walk really saw the core


def test_importing_every_core_module_loads_no_qt():
    code = (
        "import importlib, pkgutil, sys, kx_ceremony.core as core\n"
        "for m in pkgutil.walk_packages(core.__path__, 'kx_ceremony.core.'):\n"
        "    if '.migrations' not in m.name: importlib.import_module(m.name)\n"
        "print(sorted(k for k in sys.modules if k.startswith(('PySide6', 'shiboken6'))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_cli_does_not_load_qt_or_alembic_for_a_current_store(tmp_path):
    db = str(tmp_path / "s.sqlite")
    create = f"from kx_ceremony.cli import main; main(['--db', {db!r}, 'demo'])"
    subprocess.run([sys.executable, "-c", create], capture_output=True, check=True)
    code = (
        "import sys\nfrom kx_ceremony.cli import main\n"
        f"main(['--db', {db!r}, 'honourees', '--ceremony', '1'])\n"
        "print(sorted({k.split('.')[0] for k in sys.modules} & {'PySide6', 'alembic', 'reportlab', 'openpyxl'}))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "Nguyễn Văn Tâm" in out.stdout  # the listing really ran
    assert out.stdout.strip().splitlines()[-1] == "[]"


def test_tests_never_import_the_tests_folder_as_a_package():
    """CI tests the installed wheel from a clean clone, where "tests" is no package: a
    helper module is imported by its own name (pytest puts its folder on the path)."""
    import re
    from pathlib import Path

    here = Path(__file__).parent
    found = [
        f"{p.relative_to(here)}:{n}"
        for p in here.rglob("*.py")
        for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
        if re.match(r"\s*(from|import) tests[.\s]", line)
    ]
    assert found == []
