#!/usr/bin/env bash
# Renders the nine generated 公开 tables of the Fuzhou example to PNGs in docs/generated/.
# Documentation tooling only (not part of CI or npm test). Needs, once per machine:
#   apt-get update && apt-get install -y libreoffice-calc poppler-utils fonts-noto-cjk fonts-crosextra-carlito imagemagick
set -euo pipefail
cd "$(dirname "$0")/.."

for tool in libreoffice pdftoppm; do
  command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install -y libreoffice-calc poppler-utils fonts-noto-cjk fonts-crosextra-carlito imagemagick" >&2; exit 1; }
done

OUT=docs/generated
DPI="${DPI:-110}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$OUT"

npm run --silent build:cli
node bin/final-accounts.js generate examples/fuzhou-gxj-2024-workings.xlsx -o "$WORK/generated.xlsx"

# The sheets ask for 宋体 (SimSun), which Linux does not have: print it with Noto Serif CJK SC, a
# serif (Song-style) CJK face, instead of a sans fallback. Only for this rendering.
cat >"$WORK/fonts.conf" <<'CONF'
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <match target="pattern">
    <test qual="any" name="family"><string>宋体</string></test>
    <edit name="family" mode="assign" binding="strong"><string>Noto Serif CJK SC</string></edit>
  </match>
  <match target="pattern">
    <test qual="any" name="family"><string>SimSun</string></test>
    <edit name="family" mode="assign" binding="strong"><string>Noto Serif CJK SC</string></edit>
  </match>
</fontconfig>
CONF
export FONTCONFIG_FILE="$WORK/fonts.conf"

# One workbook (and so one PDF) per table: LibreOffice prints each with the page setup the generator set.
node scripts/split-sheets.js "$WORK/generated.xlsx" "$WORK"
for xlsx in "$WORK"/table-0?.xlsx; do
  libreoffice --headless -env:UserInstallation="file://$WORK/lo-profile" \
    --convert-to pdf --outdir "$WORK" "$xlsx" >/dev/null 2>&1
done

for pdf in "$WORK"/table-0?.pdf; do
  id="$(basename "$pdf" .pdf)"
  pdftoppm -r "$DPI" -png "$pdf" "$WORK/$id-page"
  rm -f "$OUT/$id.png" "$OUT/$id"-p*.png
  pages=("$WORK/$id"-page*.png)
  if [ "${#pages[@]}" -eq 1 ]; then
    cp "${pages[0]}" "$OUT/$id.png"
  elif command -v convert >/dev/null; then
    # A table longer than one A4 page: its pages one below the other.
    convert "${pages[@]}" -append "$OUT/$id.png"
  else
    i=1
    for p in "${pages[@]}"; do cp "$p" "$OUT/$id-p$i.png"; i=$((i + 1)); done
  fi
  echo "$OUT/$id.png (${#pages[@]} page(s))"
done

# Overview: the nine first pages, trimmed to the table, in a 3×3 grid (optional, needs ImageMagick).
if command -v montage >/dev/null; then
  firsts=()
  for id in 01 02 03 04 05 06 07 08 09; do
    first="$(ls "$WORK"/table-$id-page*.png | head -1)"
    convert "$first" -trim +repage -bordercolor white -border 16 "$WORK/thumb-$id.png"
    firsts+=("$WORK/thumb-$id.png")
  done
  montage "${firsts[@]}" -tile 3x3 -geometry '640x760>+10+10' -background '#d9d9d9' "$OUT/overview.png"
  echo "$OUT/overview.png"
fi
