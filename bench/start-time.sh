#!/usr/bin/env bash
# Start (issue 18): readiness of backend/target/tandem.jar outside the demo profile: a first start on an empty
# embedded database (goal <= 30 s), restarts on that database with java -jar, then as installed by
# deploy/install.sh (median, goal <= 15 s). Exits 1 on a miss.
#   bench/start-time.sh [restarts, default 3]    (BENCH_JVM_ARGS=... adds JVM options to every start)
set -euo pipefail
cd "$(dirname "$0")/.."
exec python3 bench/start_time.py "${1:-3}"
