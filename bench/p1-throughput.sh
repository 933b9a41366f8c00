#!/usr/bin/env bash
# P1: Tandem end to end through the API vs bare Camunda 7 running the same shape with no-op steps,
# one after the other on this machine. bench/p1-throughput.sh [cases, default 200]
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-200}"
out=$(mktemp)
python3 bench/p1_tandem.py "$N" > "$out"
grep '^P1 Tandem' "$out"
tandem=$(grep '^P1 Tandem' "$out" | sed -E 's/.*= ([0-9.]+) cases\/s.*/\1/')
# the bare side runs as a test of backend/ alone, which resolves the root pom and the frontend jar from the
# local repository: install those the README's build made (no rebuild), so that a fresh clone works
jar=$(ls frontend/target/tandem-frontend-*.jar 2>/dev/null | grep -v sources | head -1 || true)
if [ -z "$jar" ]; then echo "build first: mvn -B -ntp -DskipTests package" >&2; exit 2; fi
mvn -B -q -N install > /dev/null
mvn -B -q install:install-file -Dfile="$jar" -DpomFile=frontend/pom.xml > /dev/null
(cd backend && mvn -B -q test -Dtest=BareCamundaBenchmark -Dbench.cases="$N" -Dbench.warmup="${WARMUP:-50}" -Dsurefire.failIfNoSpecifiedTests=false) > "$out" 2>&1 || true
grep '^P1 bare Camunda' "$out"
bare=$(grep '^P1 bare Camunda' "$out" | sed -E 's/.*= ([0-9.]+) cases\/s.*/\1/')
python3 -c "t, b = $tandem, $bare; print('P1 ratio Tandem / bare Camunda = %.2f / %.2f = %.2f (goal >= 0.8)' % (t, b, t / b))"
