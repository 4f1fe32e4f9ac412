#!/usr/bin/env bash
# Build the frozen program with PyInstaller and check that it starts.
#   bash packaging/build.sh            # build into build/dist/kx-ceremony/, then smoke-test
# Environment: KX_BUILD_VENV (default build/venv) is the separate virtualenv the build
# installs PyInstaller and the program into; PYTHON (default python3) creates it.
# On Windows run the same steps in PowerShell (see packaging/README.md), then Inno Setup.
set -euo pipefail
cd "$(dirname "$0")/.."

venv="${KX_BUILD_VENV:-build/venv}"
if [ ! -x "$venv/bin/pyinstaller" ]; then
  "${PYTHON:-python3}" -m venv "$venv"
  "$venv/bin/pip" install -q --upgrade pip >/dev/null
  "$venv/bin/pip" install -q 'pyinstaller>=6.3' '.[server]'
fi
"$venv/bin/pyinstaller" packaging/kx-ceremony.spec --noconfirm --log-level ERROR \
  --distpath build/dist --workpath build/work

app=build/dist/kx-ceremony
want="KX Ceremony $("$venv/bin/python" -c 'import kx_ceremony; print(kx_ceremony.__version__)')"
got="$("$app/kx-ceremony" --version)"
if [ "$got" != "$want" ]; then
  echo "frozen program printed '$got', expected '$want'" >&2
  exit 1
fi
# The frozen program creates a store (Alembic scripts read from files), fills the sample
# ceremony and exports it: resources, migrations and openpyxl all made it into the build.
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
KX_CEREMONY_DATA_DIR="$tmp" KX_CEREMONY_LOG_DIR="$tmp" KX_CEREMONY_CONFIG_DIR="$tmp" \
  "$app/kx-ceremony" --db "$tmp/smoke.sqlite" demo >/dev/null
KX_CEREMONY_DATA_DIR="$tmp" KX_CEREMONY_LOG_DIR="$tmp" KX_CEREMONY_CONFIG_DIR="$tmp" \
  "$app/kx-ceremony" --db "$tmp/smoke.sqlite" export --ceremony 1 -o "$tmp/smoke.xlsx" >/dev/null
test -s "$tmp/smoke.xlsx"
test -f "$app/_internal/kx_ceremony/resources/fonts/LiberationSerif-Regular.ttf"
# The window starts (offscreen) and is still running after a few seconds.
status=0
KX_CEREMONY_DATA_DIR="$tmp" KX_CEREMONY_LOG_DIR="$tmp" KX_CEREMONY_CONFIG_DIR="$tmp" \
  QT_QPA_PLATFORM=offscreen timeout 6 "$app/kx-ceremony-gui" --db "$tmp/window.sqlite" || status=$?
if [ "$status" != 124 ]; then
  echo "the frozen window stopped by itself (status $status); see $tmp/kx-ceremony.log:" >&2
  tail -n 20 "$tmp/kx-ceremony.log" >&2 || true
  exit 1
fi
if [ -n "${KX_TEST_POSTGRES_URL:-}" ]; then  # the server driver made it in too
  KX_CEREMONY_DATA_DIR="$tmp" KX_CEREMONY_LOG_DIR="$tmp" KX_CEREMONY_CONFIG_DIR="$tmp" \
    "$app/kx-ceremony" --db "$KX_TEST_POSTGRES_URL" ceremonies >/dev/null
fi
echo "frozen build OK: $got ($(du -sh "$app" | cut -f1) in $app)"
