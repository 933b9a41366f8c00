#!/usr/bin/env bash
# Knowledge retrieval benchmark: fills a fresh embedded PostgreSQL with 10,000 passages generated
# from the demo corpus, prints the ingestion rate (with and without embeddings) and the p50/p95
# latency of a few hundred searches with and without the embedding re-ranker.
# It is the JUnit class KnowledgeRetrievalBenchmark (tag "benchmark", never run by `mvn verify`).
#   BENCH_PASSAGES=10000 BENCH_QUERIES=300 scripts/bench-retrieval.sh   (add MVN_ARGS=-o to stay offline)
# Embedding 10,000 passages takes about a quarter of an hour on two cores.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
log="$root/backend/target/bench-retrieval.log"
mkdir -p "$root/backend/target"
cd "$root/backend"
mvn -B -q ${MVN_ARGS:-} test -Dtest=KnowledgeRetrievalBenchmark -Dtandem.test.excludedGroups=none \
    -Dsurefire.failIfNoSpecifiedTests=false >"$log" 2>&1 || { tail -50 "$log"; exit 1; }
grep '^bench |' "$log" | sed 's/^bench | //'
echo "(full log: $log)"
