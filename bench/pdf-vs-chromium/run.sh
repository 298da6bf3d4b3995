#!/usr/bin/env bash
# Compares report.pdf (PDFsharp, our layout) with headless Chromium printing an HTML page of the same content.
# For N in 1 10 100: N hosts are copies of the real captures in samples/ss and samples/netstat (host001 …);
# `portcompliance audit` writes report.pdf and results.json; results_to_html.py turns results.json into one
# printable HTML page; hyperfine times the whole CLI run (--formats pdf) against Chromium's --print-to-pdf.
# Usage: bench/pdf-vs-chromium/run.sh   (after: dotnet publish src/PortCompliance.Cli -c Release -o /tmp/pc)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cli="${PC_CLI:-/tmp/pc/portcompliance}"
work="$(mktemp -d)"
mapfile -t samples < <(ls "$root"/samples/ss/*.txt "$root"/samples/netstat/*.txt | sort)
for n in 1 10 100; do
  mkdir -p "$work/in-$n"
  for i in $(seq 1 "$n"); do cp "${samples[$(( (i - 1) % ${#samples[@]} ))]}" "$work/in-$n/host$(printf %03d "$i").txt"; done
  "$cli" audit "$work/in-$n" --out "$work/out-$n" --formats pdf,json --report-date 2026-11-21 >/dev/null 2>&1 || true
  python3 "$root/bench/pdf-vs-chromium/results_to_html.py" "$work/out-$n/results.json" > "$work/report-$n.html"
  hyperfine --warmup 1 --runs 3 --export-markdown "$work/hyperfine-$n.md" \
    -n "portcompliance pdf ($n hosts)" "$cli audit $work/in-$n --out $work/cli-$n --formats pdf --report-date 2026-11-21 || true" \
    -n "chromium print ($n hosts)" "chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf=$work/chromium-$n.pdf $work/report-$n.html"
  echo "pages: ours $(pdfinfo "$work/out-$n/report.pdf" | awk '/^Pages/ {print $2}'), chromium $(pdfinfo "$work/chromium-$n.pdf" | awk '/^Pages/ {print $2}')"
done
cat "$work"/hyperfine-*.md
