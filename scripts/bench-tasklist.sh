#!/usr/bin/env bash
# Task-list benchmark (issue 7, P2): fills a fresh embedded PostgreSQL with 100,000 open and
# 1,000,000 historic tasks — in Camunda's own tables and in the app's read model, by bulk SQL — and
# prints the p50/p95 of GET /api/tasks next to Camunda's REST GET /engine-rest/task for the same
# filter (one team's unclaimed tasks of one use case, newest first), and the ratio.
# It is the JUnit class TaskListBenchmark (tag "benchmark", never run by `mvn verify`; the suite runs
# the short variant TaskListBenchmarkIT with 5,000 open tasks).
#   BENCH_OPEN=100000 BENCH_HISTORIC=1000000 BENCH_QUERIES=200 scripts/bench-tasklist.sh  (MVN_ARGS=-o: offline)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
log="$root/backend/target/bench-tasklist.log"
mkdir -p "$root/backend/target"
cd "$root/backend"
mvn -B -q ${MVN_ARGS:-} test -Dtest=TaskListBenchmark -Dtandem.test.excludedGroups=none \
    -Dsurefire.failIfNoSpecifiedTests=false >"$log" 2>&1 || { tail -50 "$log"; exit 1; }
grep '^bench |' "$log" | sed 's/^bench | //'
echo "(full log: $log)"
