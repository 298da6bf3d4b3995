#!/usr/bin/env bash
# The long fuzz run of ingest: the mutated-sample property (tests/PortCompliance.Core.Tests/Ingest/
# MutatedSampleProperties.cs) with many more cases than CI's 3,000 — every genuine ss, netstat and docs sample,
# mutated (indent, duplicate, cut, NUL/ESC/bidi, CRLF, BOM, long tokens, columns swapped or deleted, rows of other
# formats), each case checked for: no exception, exact line accounting, valid JSON, no genuine row lost.
#
#   bench/fuzz-ingest.sh [CASES] [SEED]      # default 100000 cases, seed 13 (CI's); a failure prints seed and case
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
export PORTCOMPLIANCE_FUZZ_CASES=${1:-100000}
export PORTCOMPLIANCE_FUZZ_SEED=${2:-13}
start=$(date +%s)
dotnet test "$ROOT/tests/PortCompliance.Core.Tests" -c Release \
  --filter "FullyQualifiedName~MutatedSampleProperties.Mutated_Samples" --logger "console;verbosity=normal"
echo "fuzz: $PORTCOMPLIANCE_FUZZ_CASES cases, seed $PORTCOMPLIANCE_FUZZ_SEED, $(( $(date +%s) - start )) s"
