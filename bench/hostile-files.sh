#!/usr/bin/env bash
# Hostile files (issue 13, items 3, 8, 9, 11): each case run with a time limit, wall time and peak memory printed.
#   inventory-100k : a 100,000-row inventory built from samples/fleet/hosts.csv (the duplicate check was per row)
#   extends-fanout : each policy file extending the next three, 40 deep, from policies/baseline.yaml (3^40 paths)
#   fifo-folder    : a folder of 494 listings from samples/fleet/2026-11 with one FIFO among them
#   dev-zero       : /dev/zero as an input, as --policy (via a symlink), in extends: and as --baseline
#   large-host     : one host with 40,000 listeners (the db sample's rows on ports counted up from 20000) through every
#                    machine format, json,csv,junit,oscal (OSCAL matched findings to sockets in their square: 85 s)
# Usage: bench/hostile-files.sh [PORTCOMPLIANCE]   (default: publishes src/PortCompliance.Cli to a temporary folder)
# A case that hits its LIMIT prints "timeout" — the behaviour before the fix for extends, the FIFO and /dev/zero.
set -uo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pc=${1:-}
if [ -z "$pc" ]; then
  dotnet publish src/PortCompliance.Cli -c Release -o "$work/pc" >/dev/null && pc="$work/pc/portcompliance"
fi
limit=${LIMIT:-60}
db=samples/ss/ss-lntup-debian12-db.txt

run() { # NAME ARGS...
  local name=$1; shift
  /usr/bin/time -f "%e s %M KiB" -o "$work/time" timeout -s KILL "$limit" "$pc" "$@" >"$work/out" 2>"$work/err"
  local code=$?
  if [ "$code" = 137 ]; then echo "$name: timeout (> ${limit} s)"; else echo "$name: exit $code, $(tail -1 "$work/time")  | $(grep -m1 -E 'error|skipped|larger' "$work/err" | cut -c1-150)"; fi
}

# inventory-100k: the fleet's rows repeated under new names; the last row repeats the first host.
{ head -1 samples/fleet/hosts.csv
  tail -n +2 samples/fleet/hosts.csv | awk -F, -v OFS=, '{ rows[NR] = $0 } END { for (i = 0; i < 100000; i++) { $0 = rows[i % NR + 1]; $1 = $1 "-" i; print } }'
  tail -n +2 samples/fleet/hosts.csv | head -1 | awk -F, -v OFS=, '{ $1 = $1 "-0"; print }'; } > "$work/hosts.csv"
run inventory-100k audit "$db" --inventory "$work/hosts.csv" --formats json --out "$work/r1"

mkdir -p "$work/fan"
sed 's/^policy: baseline/policy: p40/' policies/baseline.yaml > "$work/fan/p40.yaml"
echo "policy: p41" > "$work/fan/p41.yaml"; echo "policy: p42" > "$work/fan/p42.yaml"
for i in $(seq 39 -1 0); do printf 'policy: p%d\nextends: [p%d.yaml, p%d.yaml, p%d.yaml]\n' "$i" $((i+1)) $((i+2)) $((i+3)) > "$work/fan/p$i.yaml"; done
run extends-fanout audit "$db" --policy "$work/fan/p0.yaml" --formats json --out "$work/r2"

mkdir -p "$work/fleet"
mapfile -t real < <(ls samples/fleet/2026-11/*.ss.txt | sort)
for i in $(seq 1 494); do cp "${real[$(( (i - 1) % ${#real[@]} ))]}" "$work/fleet/host$(printf %04d "$i").ss.txt"; done
mkfifo "$work/fleet/host0250b.ss.txt"
run fifo-folder audit "$work/fleet" --formats json --out "$work/r3"

ln -s /dev/zero "$work/zero.yaml"
printf 'policy: z\nextends: [/dev/zero]\n' > "$work/extends-zero.yaml"
run dev-zero-input audit /dev/zero --formats json --out "$work/r4"
run dev-zero-policy audit "$db" --policy "$work/zero.yaml" --formats json --out "$work/r5"
run dev-zero-extends audit "$db" --policy "$work/extends-zero.yaml" --formats json --out "$work/r6"
run dev-zero-baseline audit "$db" --baseline /dev/zero --formats json --out "$work/r7"

# large-host: the db sample's rows, each on a port of its own from 20000 up.
python3 - "$db" "$work/large.ss.txt" <<'PY'
import re, sys
lines = open(sys.argv[1]).read().split("\n")
rows = [l for l in lines[1:] if l.strip()]
out = [lines[0]] + [re.sub(r"(\S+):\d+(\s+\S+:\S+)", lambda m: f"{m.group(1)}:{20000 + i}{m.group(2)}", rows[i % len(rows)], count=1) for i in range(40000)]
open(sys.argv[2], "w").write("\n".join(out) + "\n")
PY
run large-host audit "$work/large.ss.txt" --formats json,csv,junit,oscal --out "$work/r8"
