#!/usr/bin/env bash
# P3: 100 concurrent cases, provider latency 3 s. bench/p3-ai-step.sh [cases, default 100]
set -euo pipefail
cd "$(dirname "$0")/.."
exec python3 bench/p3_ai_step.py "${1:-100}"
