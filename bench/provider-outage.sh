#!/usr/bin/env bash
# Provider outage: 5xx, hang, malformed JSON, then recovery. bench/provider-outage.sh [cases per mode, default 10]
set -euo pipefail
cd "$(dirname "$0")/.."
exec python3 bench/provider_outage.py "${1:-10}"
