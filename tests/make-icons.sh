#!/bin/sh
# Makes the PNG icons and the default share image in public/ from public/favicon.svg.
# Run it after changing the favicon, and commit the PNGs (the build only copies them):
#   apt-get install librsvg2-bin   # for rsvg-convert
#   sh tests/make-icons.sh
# tests/build/discovery.test.ts checks that each PNG exists at the size the manifest and head name.
set -eu
cd "$(dirname "$0")/../public"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Square and full-bleed: iOS rounds the corners itself, and a maskable icon is cropped to a
# circle or squircle (the mark stays inside its safe zone, 40 % of the size from the centre).
sed 's/ rx="7"//' favicon.svg > "$tmp/square.svg"
# The mark alone, on the favicon's background colour, in the middle of a 1200×630 card.
mark=$(sed -e 's/.*<\/rect>//' -e 's/^<svg[^>]*><rect[^>]*\/>//' -e 's/<\/svg>$//' favicon.svg)
background=$(sed 's/.*<rect width="32" height="32" rx="7" fill="\([^"]*\)".*/\1/' favicon.svg)
printf '<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630" viewBox="0 0 1200 630"><rect width="1200" height="630" fill="%s"/><g transform="translate(360 75) scale(15)">%s</g></svg>\n' "$background" "$mark" > "$tmp/share.svg"

rsvg-convert -w 192 -h 192 favicon.svg -o icon-192.png
rsvg-convert -w 512 -h 512 favicon.svg -o icon-512.png
rsvg-convert -w 512 -h 512 "$tmp/square.svg" -o icon-maskable-512.png
rsvg-convert -w 180 -h 180 "$tmp/square.svg" -o apple-touch-icon.png
rsvg-convert -w 1200 -h 630 "$tmp/share.svg" -o share.png
