#!/usr/bin/env bash
# Installs the system packages the lab needs beyond Node.js (Debian/Ubuntu): a Java runtime and Maven for the
# embedded Kafka broker, and Chromium (plus a CJK font) for the browser tests. Does nothing for what is already there.
set -euo pipefail
need=()
command -v java >/dev/null 2>&1 || need+=(openjdk-17-jre-headless)
command -v mvn >/dev/null 2>&1 || need+=(maven)
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || need+=(chromium)
# A small CJK font, so the Chinese lessons are legible in the browser tests' screenshots.
dpkg -s fonts-wqy-microhei >/dev/null 2>&1 || need+=(fonts-wqy-microhei)
if [ ${#need[@]} -eq 0 ]; then
  echo "[system] java, maven, chromium and a CJK font are installed"
  exit 0
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "[system] installing: ${need[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
echo "[system] ✓ installed ${need[*]}"
