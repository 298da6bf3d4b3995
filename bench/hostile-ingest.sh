#!/usr/bin/env bash
# Hostile inputs for ingest (issue 13, items 5 and 10): time and peak memory of `portcompliance parse` on inputs
# generated here from a genuine row of samples/ss/ss-lntup-debian12-db.txt — never committed.
#
#   bench/hostile-ingest.sh [PORTCOMPLIANCE_BINARY] [TIMEOUT_SECONDS]
#
# Compare two builds: `dotnet publish src/PortCompliance.Cli -c Release -o /tmp/before` on the old commit, the
# same to /tmp/after on the new one, then run this script with each binary. A case that passes the timeout
# prints "timeout"; one that dies prints its exit code. Needs about 1.2 GB free in $TMPDIR for the no-newline file.
set -euo pipefail
PC=${1:-portcompliance}
LIMIT=${2:-120}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
SAMPLE="$ROOT/samples/ss/ss-lntup-debian12-db.txt"
ROW=$(grep -m1 '0.0.0.0:443 ' "$SAMPLE" | sed 's/users:(.*//')

# A users:(…) list of N distinct nginx processes (the de-dup worst case), as the row of an ss listing.
users_listing() { # entries out
  { head -1 "$SAMPLE"
    printf '%s' "$ROW"
    awk -v n="$1" 'BEGIN { printf "users:("; for (i = 0; i < n; i++) printf "%s(\"nginx\",pid=%d,fd=%d)", (i ? "," : ""), 100000 + i, 6; print ")" }'
    tail -n +2 "$SAMPLE"; } > "$2"
}

# The shape that made the old reader quadratic: entries that never close.
unclosed_listing() { # entries out
  { head -1 "$SAMPLE"
    printf '%s' "$ROW"
    awk -v n="$1" 'BEGIN { printf "users:((\"x\","; for (i = 0; i < n; i++) printf "1,(\"x\","; print "" }'
    tail -n +2 "$SAMPLE"; } > "$2"
}

users_listing 40000 "$WORK/users-1MB.txt"
users_listing 80000 "$WORK/users-2MB.txt"
users_listing 2000000 "$WORK/users-50MB.txt"
unclosed_listing 150000 "$WORK/unclosed-1MB.txt"
{ head -c $((1200 * 1024 * 1024)) /dev/zero | tr '\0' 'a'; printf '\n'; cat "$SAMPLE"; } > "$WORK/nonewline-1.2GB.txt"

printf '%-22s %12s %10s %12s %6s\n' case bytes seconds max_rss_MB exit
for f in users-1MB users-2MB users-50MB unclosed-1MB nonewline-1.2GB; do
  file="$WORK/$f.txt"
  start=$(date +%s.%N)
  set +e
  /usr/bin/time -f '%M' -o "$WORK/rss" timeout "$LIMIT" "$PC" parse "$file" --format json > "$WORK/out.json" 2> /dev/null
  code=$?
  set -e
  end=$(date +%s.%N)
  rss=$(tail -1 "$WORK/rss" | grep -Eo '^[0-9]+$' || echo 0)
  [ "$code" = 124 ] && code=timeout
  printf '%-22s %12s %10.2f %12.0f %6s\n' "$f" "$(stat -c %s "$file")" "$(echo "$end - $start" | bc)" "$(echo "$rss / 1024" | bc)" "$code"
done

# Measured on the 2-core machine (issue 13), before (0b233e4) → after:
#   users-1MB (40,000 distinct entries)   2.72 s,   80 MB → 0.39 s, 84 MB (read, all 40,000 processes)
#   users-2MB (80,000)                    8.65 s,  102 MB → 0.26 s, 51 MB (over the 1 Mi cap: one unparsed line)
#   users-50MB (2,000,000)                >60 s (timeout)  → 0.31 s, 51 MB (over the cap)
#   unclosed-1MB (150,000 open entries)   2.18 s,   53 MB → 0.24 s, 51 MB (unparsed: never closes)
#   nonewline-1.2GB                       25.7 s, 4.1 GB, exit 3 (crash) → 1.56 s, 53 MB, exit 0 (one unparsed line)
