#!/usr/bin/env bash
# What one more format adds to a fleet run: the fleet of bench/fleet.sh (N hosts from the fleet sample's genuine
# captures), audited alternately with BASE formats and with BASE,EXTRA, ROUNDS times each, interleaved so the machine's
# drift hits both alike. Prints each side's median and quartiles of wall time and the median overhead.
# Usage: bench/format-overhead.sh [HOSTS] [BASE] [EXTRA] [ROUNDS]   e.g. bench/format-overhead.sh 1000 json oscal 21
set -euo pipefail
cd "$(dirname "$0")/.."
hosts=${1:-1000}
base=${2:-json}
extra=${3:-oscal}
rounds=${4:-21}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dotnet publish src/PortCompliance.Cli -c Release -p:PublishReadyToRun=true -o "$work/pc" >/dev/null
mapfile -t real < <(ls samples/fleet/2026-11/*.txt | sort)
mkdir -p "$work/fleet"
for i in $(seq 1 "$hosts"); do
  cp "${real[$(( (i - 1) % ${#real[@]} ))]}" "$work/fleet/host$(printf %05d "$i").ss.txt"
done

run() { # prints the wall time of one audit in milliseconds
  local start end
  start=$(date +%s%N)
  "$work/pc/portcompliance" audit "$work/fleet" --formats "$1" --out "$work/out-$2" >/dev/null 2>&1 || [ $? -eq 1 ]
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}

run "$base" warm >/dev/null
run "$base,$extra" warm >/dev/null
: >"$work/a"
: >"$work/b"
for _ in $(seq 1 "$rounds"); do
  run "$base" a >>"$work/a"
  run "$base,$extra" b >>"$work/b"
done

python3 - "$work/a" "$work/b" "$base" "$base,$extra" "$hosts" "$(du -b "$work/out-b" | cut -f1)" "$(du -b "$work/out-a" | cut -f1)" <<'PY'
import statistics, sys
a = sorted(int(x) for x in open(sys.argv[1]))
b = sorted(int(x) for x in open(sys.argv[2]))
def q(v): return statistics.quantiles(v, n=4)
for name, v in ((sys.argv[3], a), (sys.argv[4], b)):
    q1, med, q3 = q(v)
    print(f"--formats {name:<16} median {med:6.0f} ms  (quartiles {q1:.0f}-{q3:.0f} ms, {len(v)} runs)")
ma, mb = statistics.median(a), statistics.median(b)
print(f"{sys.argv[5]} hosts: +{mb - ma:.0f} ms, +{(mb - ma) / ma * 100:.1f} % for {int(sys.argv[6]) - int(sys.argv[7]):,} more bytes of reports")
PY
