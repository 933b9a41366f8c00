#!/usr/bin/env bash
# Start (issue 18): readiness of backend/target/tandem.jar as installed (no demo profile): a first start on an
# empty embedded database (goal <= 30 s), then restarts on that database (median, goal <= 15 s). Exits 1 on a miss.
#   bench/start-time.sh [restarts, default 3]    (BENCH_JVM_ARGS=... adds JVM options to every start)
set -euo pipefail
cd "$(dirname "$0")/.."
exec python3 bench/start_time.py "${1:-3}"
