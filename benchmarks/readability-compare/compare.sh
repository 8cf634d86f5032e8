#!/usr/bin/env bash
# Side-by-side: danvan's page reader and readability-lxml on the same labeled pages, body-text
# token precision/recall/F1 (one measure, computed by `danvan eval pages`) and milliseconds per page.
#
# Usage: benchmarks/readability-compare/compare.sh [PAGES_DIR] [train|test]
#   PAGES_DIR defaults to corpus/pages; the split defaults to all pages.
# Installs the Debian package python3-readability with apt-get when it is missing (root needed).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
pages="${1:-$root/corpus/pages}"
split="${2:-}"
py=/usr/bin/python3

if ! "$py" -c "import readability, lxml.html" 2>/dev/null; then
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y python3-readability
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$py" "$here/readability_texts.py" "$pages" "$work/readability-lxml"

dotnet build "$root/src/DanVan.Extraction.Cli/DanVan.Extraction.Cli.csproj" -c Release -v quiet -nologo > /dev/null
args=(eval pages "$pages" --compare-with "$work/readability-lxml")
if [[ -n "$split" ]]; then
  args+=(--split "$split")
fi
# danvan is JIT-compiled: with tiered compilation (the default) a short run is timed mostly in unoptimized
# first-tier code; a bulk run leaves it after its first pages. Tiered compilation off gives that steady
# state from the first page, which is what readability-lxml's timing (after its warm-up pass) is compared with.
DOTNET_TieredCompilation=0 "$root/src/DanVan.Extraction.Cli/bin/Release/net10.0/danvan" "${args[@]}"
