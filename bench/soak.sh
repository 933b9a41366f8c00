#!/usr/bin/env bash
# Soak (issue 18): 30 minutes at half of the P1 throughput measured at the start of the same run, mixing filing,
# reviews and approvals, task lists, case pages and the chatbot; heap after full GC, threads, file descriptors,
# sockets and database connections sampled every 30 s; p95 per route and errors compared between the first and
# the last five minutes. Prints the series, writes CSV and an SVG chart; exits 1 when a goal is missed.
#   bench/soak.sh [minutes, default 30]
set -euo pipefail
cd "$(dirname "$0")/.."
exec python3 bench/soak.py "${1:-30}"
