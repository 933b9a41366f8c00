#!/usr/bin/env bash
# Runs an image tar built by Jib (target/jib-image.tar) without a container runtime, to check it on
# a machine that has none: unpacks its layers, then starts its entrypoint in that root filesystem
# (chroot, private mount namespace with /proc) as the image's user, on the host's network.
# Root is needed for chroot. Pass the application's settings as environment variables, e.g.
#
#   sudo SPRING_DATASOURCE_URL=jdbc:postgresql://localhost:5432/tandem SPRING_DATASOURCE_USERNAME=tandem \
#        SPRING_DATASOURCE_PASSWORD=... TANDEM_AI_PROVIDER=offline TANDEM_MODEL_CACHE=/tmp/model-cache \
#        deploy/image/run-rootfs.sh backend/target/jib-image.tar /tmp/tandem-rootfs
#
# The working directory is / (chroot), not the image's /app: give absolute paths.
set -euo pipefail

tar_file=$(readlink -f "${1:?image tar}")
root=${2:?directory to unpack into}

work=$(mktemp -d)
tar -xf "$tar_file" -C "$work"
rm -rf "$root"
mkdir -p "$root"
for layer in $(python3 -c 'import json,sys; print(" ".join(json.load(open(sys.argv[1]))[0]["Layers"]))' \
        "$work/manifest.json"); do
    tar -xzf "$work/$layer" -C "$root" 2>/dev/null
done
config=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[0]["Config"])' "$work/manifest.json")
read -r user entrypoint < <(python3 -c '
import json, sys
c = json.load(open(sys.argv[1]))["config"]
print(c.get("User") or "0:0", " ".join(c["Entrypoint"]))  # arguments without spaces' "$work/$config")
image_env=$(python3 -c 'import json,sys; print("\n".join(json.load(open(sys.argv[1]))["config"].get("Env", [])))' \
        "$work/$config")
rm -rf "$work"
mkdir -p "$root/proc"

# the image's environment, then the caller's TANDEM_*, SPRING_*, MISTRAL_*, PORT and JAVA_TOOL_OPTIONS
mapfile -t vars < <(printf '%s\n' "$image_env"; env | grep -E '^(TANDEM_|SPRING_|MISTRAL_|PORT=|JAVA_TOOL_OPTIONS=)' || true)
exec unshare -m bash -c 'mount --bind /proc "$0/proc" && exec env -i "${@:3}" "$(command -v chroot)" --userspec="$1" "$0" $2' \
    "$root" "$user" "$entrypoint" "${vars[@]}"
