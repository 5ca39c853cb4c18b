#!/bin/sh
# Copy the dashboard's map library (Leaflet + Leaflet.markercluster) from node_modules into
# src/sigact/web/static/vendor. The copied files are committed, so users never need npm.
# Usage (from the repository root): npm ci && sh scripts/vendor_web_assets.sh
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
nm="$here/node_modules"
out="$here/src/sigact/web/static/vendor"
[ -d "$nm/leaflet/dist" ] || { echo "run 'npm ci' first" >&2; exit 1; }
rm -rf "$out"
mkdir -p "$out/leaflet/images" "$out/markercluster"
cp "$nm/leaflet/dist/leaflet.js" "$nm/leaflet/dist/leaflet.css" "$out/leaflet/"
cp "$nm/leaflet/dist/images/"*.png "$out/leaflet/images/"
cp "$nm/leaflet/LICENSE" "$out/leaflet/LICENSE"
cp "$nm/leaflet.markercluster/dist/leaflet.markercluster.js" \
   "$nm/leaflet.markercluster/dist/MarkerCluster.css" \
   "$nm/leaflet.markercluster/dist/MarkerCluster.Default.css" "$out/markercluster/"
cp "$nm/leaflet.markercluster/MIT-LICENCE.txt" "$out/markercluster/LICENSE" 2>/dev/null \
  || cp "$nm/leaflet.markercluster/LICENSE"* "$out/markercluster/LICENSE"
# leaflet.markercluster.js ends with a sourceMappingURL comment to a file we do not ship.
sed -i '/sourceMappingURL/d' "$out/leaflet/leaflet.js" "$out/markercluster/leaflet.markercluster.js"
echo "vendored into $out:"
find "$out" -type f | sort
