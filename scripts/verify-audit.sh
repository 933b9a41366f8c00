#!/usr/bin/env bash
# Verifies every case's audit chain of a running Tandem (recomputes each hash on the server).
# Usage: TANDEM_URL=http://localhost:8080 TANDEM_USER=admin TANDEM_PASSWORD=... scripts/verify-audit.sh
# Exit code 0 when every chain verifies, 1 when one is broken, 2 when the server cannot be asked.
set -euo pipefail
url=${TANDEM_URL:-http://localhost:8080}
user=${TANDEM_USER:-admin}
password=${TANDEM_PASSWORD:?set TANDEM_PASSWORD (an administrator or AI referent)}
body=$(curl -fsS -u "$user:$password" "$url/api/audit/verify") || { echo "cannot reach $url/api/audit/verify" >&2; exit 2; }
echo "$body"
case "$body" in
  *'"broken":[]'*) echo "audit: every chain verifies"; exit 0;;
  *) echo "audit: BROKEN chain(s) above" >&2; exit 1;;
esac
