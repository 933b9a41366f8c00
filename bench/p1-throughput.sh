#!/usr/bin/env bash
# P1 (issue 18): Tandem's content cases end to end through its API, against bare Camunda 7 running the same
# shape, measured one after the other in one run on this machine:
#   - P1-peer: bare Camunda as a team would build it without Tandem (bench/bare-camunda: Spring Boot,
#     /engine-rest with HTTP Basic and authorizations), driven through its REST API by the same harness;
#   - P1-engine: bare Camunda called in-process through its Java API (BareCamundaBenchmark), no HTTP at all.
# bench/p1-throughput.sh [cases, default 200]; WARMUP=1000 cases first on each side, not counted
# (steady states: bench/p1_tandem.py says why).
# Exits non-zero when a ratio misses its goal.
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-200}"
out=$(mktemp)
python3 bench/p1_tandem.py "$N" > "$out"
grep '^P1 ' "$out"
tandem=$(grep '^P1 Tandem:' "$out" | sed -E 's/.*= ([0-9.]+) cases\/s.*/\1/')
# the peer is a Maven project of its own (not in the reactor), versions from the root pom: built here
(cd bench/bare-camunda && mvn -B -ntp -q -DskipTests package > "$out" 2>&1) || { tail -30 "$out"; exit 2; }
python3 bench/p1_peer.py "$N" > "$out"
grep '^P1 ' "$out"
peer=$(grep '^P1 bare Camunda via REST' "$out" | sed -E 's/.*= ([0-9.]+) cases\/s.*/\1/')
# the in-process side runs as a test of backend/ alone, which resolves the root pom and the frontend jar from
# the local repository: install those the README's build made (no rebuild), so that a fresh clone works
jar=$(ls frontend/target/tandem-frontend-*.jar 2>/dev/null | grep -v sources | head -1 || true)
if [ -z "$jar" ]; then echo "build first: mvn -B -ntp -DskipTests package" >&2; exit 2; fi
mvn -B -q -N install > /dev/null
mvn -B -q install:install-file -Dfile="$jar" -DpomFile=frontend/pom.xml > /dev/null
(cd backend && mvn -B -q test -Dtest=BareCamundaBenchmark -Dbench.cases="$N" -Dbench.warmup="${WARMUP:-1000}" -Dsurefire.failIfNoSpecifiedTests=false) > "$out" 2>&1 || true
grep '^P1 bare Camunda' "$out" || { tail -30 "$out"; exit 2; }
engine=$(grep '^P1 bare Camunda:' "$out" | sed -E 's/.*= ([0-9.]+) cases\/s.*/\1/')
python3 - "$tandem" "$peer" "$engine" <<'PY'
import sys
t, p, e = map(float, sys.argv[1:])
print("P1 Tandem %.2f cases/s, bare Camunda via REST %.2f, bare Camunda in-process %.2f" % (t, p, e))
print("P1-peer ratio = %.2f (goal >= 1.0)" % (t / p))
print("P1-engine ratio = %.2f (goal >= 0.5)" % (t / e))
sys.exit(0 if t / p >= 1.0 and t / e >= 0.5 else 1)
PY
