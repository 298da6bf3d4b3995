#!/usr/bin/env bash
# Fleet speed: a synthetic fleet of N hosts built from genuine captures (each host a copy of a real listing under its
# own name), audited with the given formats. Prints wall time, peak memory, sockets/s, and `wc -l` over the same files
# for scale. Needs GNU time (apt-get install time).
#   KIND roles: the fleet sample's 19 servers (samples/fleet/2026-11: web, db, cache, bastion, legacy, mail, docker;
#               5-15 listeners each) — what a fleet looks like;
#   KIND heavy: the capture machine's listings (samples/ss, samples/netstat: ~40 listeners and ~30 findings each) — every
#               host as busy as the busiest server.
# Usage: bench/fleet.sh HOSTS [FORMATS] [KIND]   e.g. bench/fleet.sh 1000   bench/fleet.sh 10000 json   bench/fleet.sh 1000 pdf heavy
set -euo pipefail
cd "$(dirname "$0")/.."
hosts=${1:-1000}
formats=${2:-pdf,html,csv,json}
kind=${3:-roles}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dotnet publish src/PortCompliance.Cli -c Release -p:PublishReadyToRun=true -o "$work/pc" >/dev/null
case "$kind" in
  roles) mapfile -t real < <(ls samples/fleet/2026-11/*.txt | sort) ;;
  heavy) mapfile -t real < <(ls samples/ss/*-debian12-*.txt samples/netstat/*-debian12-*.txt | sort) ;;
  *) echo "KIND is roles or heavy" >&2; exit 2 ;;
esac
mkdir -p "$work/fleet"
for i in $(seq 1 "$hosts"); do
  cp "${real[$(( (i - 1) % ${#real[@]} ))]}" "$work/fleet/host$(printf %05d "$i").ss.txt"
done

echo "fleet ($kind): $hosts hosts from ${#real[@]} genuine captures, $(cat "$work"/fleet/* | wc -l) lines, formats $formats"
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
