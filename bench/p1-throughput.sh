#!/usr/bin/env bash
# P1 (issue 18): Tandem's content cases end to end through its API, against bare Camunda 7 running the same
# shape, measured one after the other in one run on this machine:
#   - P1-peer: bare Camunda as a team would build it without Tandem (bench/bare-camunda: Spring Boot,
#     /engine-rest with HTTP Basic and authorizations), driven through its REST API by the same harness;
#   - P1-engine: bare Camunda called in-process through its Java API (BareCamundaBenchmark), no HTTP at all.
# bench/p1-throughput.sh [cases, default 200]; WARMUP=1000 cases first on each side, not counted
# (steady states: bench/p1_tandem.py says why); ROUNDS=3 rounds of the three sides, one after the other.
# A shared machine's speed drifts by a fifth within minutes (the same jar has measured 15 and 22 cases/s an hour
# apart): each round's ratios compare sides measured minutes apart, and the verdict is the median of the rounds'
# ratios; the figures printed last are the medians of each side.
# Exits non-zero when a ratio misses its goal.
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-200}"
ROUNDS="${ROUNDS:-3}"
out=$(mktemp)
figures=$(mktemp)
# the in-process side runs as a test of backend/ alone, which resolves the root pom and the frontend jar from
# the local repository: install those the README's build made (no rebuild), so that a fresh clone works
jar=$(ls frontend/target/tandem-frontend-*.jar 2>/dev/null | grep -v sources | head -1 || true)
if [ -z "$jar" ]; then echo "build first: mvn -B -ntp -DskipTests package" >&2; exit 2; fi
mvn -B -q -N install > /dev/null
mvn -B -q install:install-file -Dfile="$jar" -DpomFile=frontend/pom.xml > /dev/null
# the peer is a Maven project of its own (not in the reactor), versions from the root pom: built here
(cd bench/bare-camunda && mvn -B -ntp -q -DskipTests package > "$out" 2>&1) || { tail -30 "$out"; exit 2; }
for round in $(seq 1 "$ROUNDS"); do
  python3 bench/p1_tandem.py "$N" > "$out"
  grep '^P1 ' "$out"
  tandem=$(grep '^P1 Tandem:' "$out" | sed -E 's/.*= ([0-9.]+) cases\/s.*/\1/')
  python3 bench/p1_peer.py "$N" > "$out"
  grep '^P1 ' "$out"
  peer=$(grep '^P1 bare Camunda via REST' "$out" | sed -E 's/.*= ([0-9.]+) cases\/s.*/\1/')
  (cd backend && mvn -B -q test -Dtest=BareCamundaBenchmark -Dbench.cases="$N" -Dbench.warmup="${WARMUP:-1000}" -Dsurefire.failIfNoSpecifiedTests=false) > "$out" 2>&1 || true
  grep '^P1 bare Camunda' "$out" || { tail -30 "$out"; exit 2; }
  engine=$(grep '^P1 bare Camunda:' "$out" | sed -E 's/.*= ([0-9.]+) cases\/s.*/\1/')
  echo "$tandem $peer $engine" >> "$figures"
  python3 - "$round" "$tandem" "$peer" "$engine" <<'PY'
import sys
r, t, p, e = sys.argv[1], *map(float, sys.argv[2:])
print("P1 round %s: Tandem %.2f cases/s, bare Camunda via REST %.2f, in-process %.2f -> P1-peer %.2f, P1-engine %.2f"
      % (r, t, p, e, t / p, t / e), flush=True)
PY
done
python3 - "$figures" <<'PY'
import statistics
import sys
rounds = [tuple(map(float, line.split())) for line in open(sys.argv[1]) if line.strip()]
t, p, e = (statistics.median(side) for side in zip(*rounds))
peer = statistics.median(r[0] / r[1] for r in rounds)
engine = statistics.median(r[0] / r[2] for r in rounds)
print("P1 Tandem %.2f cases/s, bare Camunda via REST %.2f, bare Camunda in-process %.2f (medians of %d rounds)"
      % (t, p, e, len(rounds)))
print("P1-peer ratio = %.2f (goal >= 1.0)" % peer)
print("P1-engine ratio = %.2f (goal >= 0.5)" % engine)
sys.exit(0 if peer >= 1.0 and engine >= 0.5 else 1)
PY
