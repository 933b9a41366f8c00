#!/usr/bin/env bash
# Regenerates backend/src/main/resources/privacy/first-names.txt from the locale data of
# @faker-js/faker (MIT) and Tandem's additions (first-names-additions.txt). Needs node, npm and
# python3; fetches the package with `npm pack` into a temporary folder.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
version="${FAKER_VERSION:-10.6.0}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack "@faker-js/faker@$version" --silent >/dev/null && tar xzf ./*.tgz)
node "$here/first-names-dump.mjs" "$work/package" > "$work/names.json"
python3 "$here/first-names.py" "$work/names.json" "$here/first-names-additions.txt" \
  > "$here/../../backend/src/main/resources/privacy/first-names.txt"
