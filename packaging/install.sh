#!/bin/sh
# Install FairDesk from this unpacked folder: for you (default), or for everyone when run
# as root. Nothing is downloaded. Uninstall: ./install.sh --uninstall
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
if [ "$(id -u)" -eq 0 ]; then
  PREFIX=/opt/fairdesk; APPS=/usr/share/applications; ICONS=/usr/share/icons/hicolor
  BIN=/usr/local/bin
else
  DATA=${XDG_DATA_HOME:-$HOME/.local/share}
  PREFIX=$DATA/fairdesk; APPS=$DATA/applications; ICONS=$DATA/icons/hicolor
  BIN=$HOME/.local/bin
fi
if [ "${1:-}" = "--uninstall" ]; then
  rm -rf "$PREFIX" "$APPS/fairdesk.desktop" "$ICONS/256x256/apps/fairdesk.png" \
    "$BIN/fairdesk"
  echo "FairDesk removed (your data folder is kept)."
  exit 0
fi
rm -rf "$PREFIX"
mkdir -p "$PREFIX" "$APPS" "$ICONS/256x256/apps" "$BIN"
cp -a "$HERE/app/." "$PREFIX/"
cp "$HERE/fairdesk.png" "$ICONS/256x256/apps/fairdesk.png"
sed "s|@EXEC@|$PREFIX/FairDesk|g" "$HERE/fairdesk.desktop" > "$APPS/fairdesk.desktop"
chmod 644 "$APPS/fairdesk.desktop"
ln -sf "$PREFIX/fairdesk-cli" "$BIN/fairdesk"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$APPS" || true
echo "FairDesk installed in $PREFIX; start it from the menu, or run: fairdesk"
echo "Check the installation with: $PREFIX/fairdesk-cli --self-test"
