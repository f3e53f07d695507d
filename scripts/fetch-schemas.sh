#!/usr/bin/env bash
# Extract the interchange schemas the format tests validate against, from Debian packages, into
# tests/formats/schemas/ (not committed: they are third-party files):
#   XLIFF 1.2 strict and XLIFF 2.0 core XSDs (+ xml.xsd)  from php-symfony-translation
#   TMX 1.4 DTD (tmx14.dtd)                               from omegat's OmegaT.jar (~9 MB .deb)
# Only the .deb files are downloaded (apt-get download, no dependencies, nothing installed);
# the schemas' imports of xml.xsd are pointed at the local copy so xmllint runs with --nonet.
set -euo pipefail
cd "$(dirname "$0")/.."
out=tests/formats/schemas
want=(xliff-core-1.2-strict.xsd xliff-core-2.0.xsd xml.xsd tmx14.dtd)
have=0
for f in "${want[@]}"; do [ -s "$out/$f" ] && have=$((have + 1)); done
if [ "$have" -eq "${#want[@]}" ]; then echo "schemas: already in $out"; exit 0; fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# apt-get download writes to the current folder; _apt cannot write a mktemp folder, so let it in.
chmod 755 "$work"
# (apt warns that it downloads as root when _apt cannot write here: harmless, shown only on failure)
download() { (cd "$work" && apt-get download -q php-symfony-translation omegat >"$work/apt.log" 2>&1); }
# Missing or stale package lists make the download fail: refresh them once and try again.
if ! download && ! { apt-get update -qq >>"$work/apt.log" 2>&1 && download; }; then
  cat "$work/apt.log" >&2
  echo "schemas: apt-get download php-symfony-translation omegat failed (see above)" >&2
  exit 1
fi
dpkg-deb -x "$work"/php-symfony-translation_*.deb "$work/sym"
dpkg-deb -x "$work"/omegat_*.deb "$work/omegat"
xsd=$(dirname "$(find "$work/sym" -name xliff-core-2.0.xsd | head -1)")
mkdir -p "$out"
cp "$xsd/xliff-core-1.2-strict.xsd" "$xsd/xliff-core-2.0.xsd" "$xsd/xml.xsd" "$out/"
sed -i 's#schemaLocation="http://www.w3.org/2001/xml.xsd"#schemaLocation="xml.xsd"#' "$out/xliff-core-1.2-strict.xsd"
sed -i 's#schemaLocation="informativeCopiesOf3rdPartySchemas/w3c/xml.xsd"#schemaLocation="xml.xsd"#' "$out/xliff-core-2.0.xsd"
jar=$(find "$work/omegat" -name OmegaT.jar | head -1)
python3 -c 'import sys, zipfile; sys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1]).read("schemas/tmx14.dtd"))' "$jar" >"$out/tmx14.dtd"
echo "schemas: extracted ${want[*]} into $out"
