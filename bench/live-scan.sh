#!/usr/bin/env bash
# Live-scan speed: `portcompliance scan --format json` against `ss -lntup`, as whole processes, with 5,000 extra
# listening sockets open on 127.0.0.1. Needs python3 and hyperfine (apt-get install hyperfine); run as root to see
# every owner, as an audit would. Usage: bench/live-scan.sh [SOCKETS]
set -euo pipefail
cd "$(dirname "$0")/.."
sockets=${1:-5000}
out=$(mktemp -d)
trap 'kill "$holder" 2>/dev/null || true; rm -rf "$out"' EXIT

dotnet publish src/PortCompliance.Cli -c Release -p:PublishReadyToRun=true -o "$out/pc" >/dev/null

# One process holding N listeners on loopback (ports chosen by the kernel).
ulimit -n $((sockets + 1024))
python3 - "$sockets" >"$out/ready" <<'PY' &
import socket, sys, time
held = []
for _ in range(int(sys.argv[1])):
    s = socket.socket(); s.bind(("127.0.0.1", 0)); s.listen(); held.append(s)
print("ready", flush=True)
time.sleep(3600)
PY
holder=$!
until grep -q ready "$out/ready" 2>/dev/null; do sleep 0.2; done

echo "listening sockets now: $(ss -lnt | wc -l)"
hyperfine --warmup 3 --runs 20 --export-markdown "$out/result.md" \
  "ss -lntup > /dev/null" \
  "$out/pc/portcompliance scan --format json > /dev/null"
cat "$out/result.md"
