#!/usr/bin/env bash
# The root filesystem of Tandem's image on an empty ("scratch") base, so that Jib builds the image
# without pulling anything from a registry: a Java runtime cut by jlink from the build's JDK, the
# few shared libraries it and the embedding model's native code load (copied from the build
# machine, at the paths they have there), a passwd entry for the non-root user, and /tmp.
#
#   deploy/image/scratch-root.sh <JDK home with jmods> <output directory>
#
# Linux only (glibc); the image has the build machine's architecture. The libraries are the build
# machine's (glibc is LGPL: ship its source on request); rebuild the image to take their fixes.
set -euo pipefail

jdk=${1:?JDK home}
out=${2:?output directory}

rm -rf "$out"
mkdir -p "$out"

# java.desktop: java.beans (Spring); java.scripting: Camunda's script tasks; jdk.localedata: French
# dates; jdk.crypto.*: TLS to the database and the AI provider; jdk.unsupported: Netty, ONNX.
modules=java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,java.naming
modules+=,java.net.http,java.prefs,java.rmi,java.scripting,java.security.jgss,java.security.sasl,java.sql
modules+=,java.transaction.xa,java.xml,java.xml.crypto,jdk.crypto.ec,jdk.crypto.cryptoki,jdk.unsupported
modules+=,jdk.zipfs,jdk.management,jdk.naming.dns,jdk.localedata,jdk.charsets,jdk.net
"$jdk/bin/jlink" --module-path "$jdk/jmods" --add-modules "$modules" --include-locales=fr,en \
    --strip-debug --no-man-pages --no-header-files --compress=2 --output "$out/opt/java"

# the libraries java, libjvm and the native code in the jars (onnxruntime, tokenizers) link to
copy_lib() {
    local path
    path=$(readlink -f "$1")
    mkdir -p "$out$(dirname "$1")"
    cp "$path" "$out$1"
}
libs=$( (ldd "$out/opt/java/bin/java"; ldd "$out/opt/java/lib/server/libjvm.so"; ldd "$out/opt/java/lib/libnet.so"
         ldd "$out/opt/java/lib/libzip.so") | awk '$2 == "=>" && $3 ~ /^\// {print $3} $1 ~ /^\/.*ld-linux/ {print $1}')
for soname in libdl.so.2 libpthread.so.0 librt.so.1 libstdc++.so.6 libgcc_s.so.1 libz.so.1 libm.so.6; do
    libs+=$'\n'$(ldconfig -p | awk -v n="$soname" '$1 == n && /x86-64|AArch64|aarch64/ {print $NF; exit}')
done
# (the runtime's own libraries are already in place)
for lib in $(printf '%s\n' "$libs" | grep -v "^$out" | grep -v '/opt/java/' | sort -u); do
    copy_lib "$lib"
done

mkdir -p "$out/etc" "$out/tmp" "$out/app"
cat > "$out/etc/passwd" <<'EOF'
root:x:0:0:root:/root:/sbin/nologin
tandem:x:1000:1000:Tandem:/app:/sbin/nologin
EOF
cat > "$out/etc/group" <<'EOF'
root:x:0:
tandem:x:1000:
EOF
echo 'hosts: files dns' > "$out/etc/nsswitch.conf"
