#!/usr/bin/env bash
# Two nodes, one database: node A with the embedded PostgreSQL, node B on the same database; cases
# filed and reviewed on both; prints per-node counts and checks each AI job ran once, each content was
# disclosed once and both nodes worked. bench/two-nodes.sh [cases, default 2000]
set -euo pipefail
cd "$(dirname "$0")/.."
exec python3 bench/two_nodes.py "${1:-2000}"
