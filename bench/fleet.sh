#!/usr/bin/env bash
# Fleet speed: a synthetic fleet of N hosts built from the genuine captures in samples/ (each host a copy of a real
# listing under its own name), audited with the given formats. Prints wall time, peak memory, sockets/s, and `wc -l`
# over the same files for scale. Needs GNU time (apt-get install time).
# Usage: bench/fleet.sh HOSTS [FORMATS]      e.g. bench/fleet.sh 1000 json,csv      bench/fleet.sh 1000 pdf,html,csv,json
set -euo pipefail
cd "$(dirname "$0")/.."
hosts=${1:-1000}
formats=${2:-pdf,html,csv,json}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dotnet publish src/PortCompliance.Cli -c Release -p:PublishReadyToRun=true -o "$work/pc" >/dev/null
mapfile -t real < <(ls samples/ss/*-debian12-*.txt samples/netstat/*-debian12-*.txt | sort)
mkdir -p "$work/fleet"
for i in $(seq 1 "$hosts"); do
  cp "${real[$(( (i - 1) % ${#real[@]} ))]}" "$work/fleet/host$(printf %05d "$i").txt"
done

echo "fleet: $hosts hosts from ${#real[@]} genuine captures, $(cat "$work"/fleet/* | wc -l) lines, formats $formats"
/usr/bin/time -f "wc -l: %e s" sh -c "cat $work/fleet/* | wc -l >/dev/null"
set +e
/usr/bin/time -f "audit: %e s wall, %M KB peak RSS, %P CPU" \
  "$work/pc/portcompliance" audit "$work/fleet" --formats "$formats" --out "$work/out" >/dev/null 2>"$work/err"
status=$?
set -e
grep -E "^(audit|wc)" "$work/err" || tail -3 "$work/err"
echo "exit $status (1 = findings, as expected)"
python3 - "$work/out/results.json" "$work/err" <<'PY'
import json, re, sys
summary = json.load(open(sys.argv[1]))["summary"]
wall = float(re.search(r"audit: ([\d.]+) s", open(sys.argv[2]).read()).group(1))
print(f"sockets: {summary['sockets']}, {summary['sockets'] / wall:,.0f} sockets/s end to end")
PY
