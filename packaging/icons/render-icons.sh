#!/usr/bin/env bash
# Renders the icon files of the installers from juror.svg. The results are committed, so this only
# needs to run after juror.svg changes.
# Needs: rsvg-convert (librsvg2-bin), ImageMagick (convert), png2icns (icnsutils).
set -euo pipefail
cd "$(dirname "$0")"

for size in 16 32 48 64 128 256 512 1024; do
  rsvg-convert -w "$size" -h "$size" juror.svg -o "juror-$size.png"
done
# Linux (jpackage --icon and the desktop entry) uses one PNG.
cp juror-256.png juror.png
# Windows: one ICO holding the sizes Explorer and the taskbar ask for.
convert juror-16.png juror-32.png juror-48.png juror-64.png juror-128.png juror-256.png juror.ico
# macOS: png2icns picks the icon type from each PNG's size.
png2icns juror.icns juror-16.png juror-32.png juror-48.png juror-128.png juror-256.png juror-512.png juror-1024.png >/dev/null
