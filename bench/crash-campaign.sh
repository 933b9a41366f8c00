#!/usr/bin/env bash
# Crash campaign: kill -9 the app (and its embedded PostgreSQL) at random moments, N times (default
# 100), then verify no case is lost, nothing disclosed twice, every letter received by the mail server
# (a fake SMTP server that refuses service in some rounds) once — twice only when a kill fell between the
# server's acceptance and the commit (see crash_campaign.py) —, every audit chain valid.
#   bench/crash-campaign.sh [N]     (builds backend/target/tandem.jar first if it is missing)
set -euo pipefail
cd "$(dirname "$0")/.."
exec python3 bench/crash_campaign.py "${1:-100}"
