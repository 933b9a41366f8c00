#!/usr/bin/env bash
# Installs Tandem's jar for a faster start: the jar extracted by its own tools (a plain class path instead of
# jars inside a jar) and a class data archive of everything a start loads (-XX:SharedArchiveFile), written by one
# training start on a throw-away embedded database that stops as soon as the context is up. Restarts then read
# the classes already parsed and verified from the archive. Run it again after each upgrade of the jar or of
# the JDK (a stale archive is only ignored, with a warning: the start is then as slow as java -jar).
#   deploy/install.sh backend/target/tandem.jar /opt/tandem     then: /opt/tandem/tandem [arguments of the jar]
# The launcher passes JAVA_OPTS and its arguments on; the environment (SPRING_DATASOURCE_URL, TANDEM_*) is the
# jar's, see README « Configuration ».
set -euo pipefail

jar=$(readlink -f "${1:?the jar, e.g. backend/target/tandem.jar}")
mkdir -p "${2:?the installation folder}"
dir=$(cd "$2" && pwd)
java=${JAVA_HOME:+$JAVA_HOME/bin/}java

rm -rf "$dir/app" "$dir/tandem.jsa"
"$java" -Djarmode=tools -jar "$jar" extract --destination "$dir/app" >/dev/null

training=$(mktemp -d)
trap 'rm -rf "$training"' EXIT
# nothing of the caller's environment, in a folder of its own: the training start must not reach a real
# database, mail server or data folder
(cd "$training" && env -i PATH="$PATH" HOME="$training" TANDEM_AI_PROVIDER=offline TANDEM_ADMIN_PASSWORD='Formation-du-demarrage-1!' \
    "$java" -XX:ArchiveClassesAtExit="$dir/tandem.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off \
    -Dspring.context.exit=onRefresh -jar "$dir/app/tandem.jar" \
    --server.port=0 --tandem.embedded-db.data-dir="$training/postgres" --tandem.knowledge.model-cache="$training/model-cache" \
    >"$training/start.log" 2>&1) || { tail -40 "$training/start.log" >&2; echo "install: the training start failed" >&2; exit 1; }
[ -s "$dir/tandem.jsa" ] || { echo "install: no class data archive was written" >&2; exit 1; }

cat >"$dir/tandem" <<'LAUNCHER'
#!/bin/sh
# Tandem as deploy/install.sh installed it: the extracted jar with its class data archive.
here=$(cd "$(dirname "$0")" && pwd)
exec "${JAVA_HOME:+$JAVA_HOME/bin/}java" -XX:SharedArchiveFile="$here/tandem.jsa" ${JAVA_OPTS:-} \
    -jar "$here/app/tandem.jar" "$@"
LAUNCHER
chmod +x "$dir/tandem"
echo "Tandem installed in $dir: start it with $dir/tandem (archive $(du -m "$dir/tandem.jsa" | cut -f1) MB)"
