#!/usr/bin/env bash
# Load test of a Physlab server (org.physlab.distribution.load.LoadTest): starts the built distribution's
# 'physlab serve' on a fresh home, lets 20 simulated users work at its REST API for 5 minutes while 8 runs
# of the shipped plugins' experiments execute at once, then checks that no request failed and no metric
# point was lost, and prints the response times per endpoint (p50/p95/p99/max). Loopback only.
#
# Usage: distribution/loadtest.sh [--duration SECONDS] [--users N] [--slots N] [--help]
# The distribution is distribution/target/physlab (built first if missing), or $PHYSLAB_DISTRIBUTION.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
dist="${PHYSLAB_DISTRIBUTION:-distribution/target/physlab}"
if [ ! -x "$dist/bin/physlab" ]; then
  echo "loadtest: no distribution at $dist; building it (mvn -B -q package -DskipTests)" >&2
  mvn -B -q package -DskipTests
fi
# The driver needs only Jackson, which the distribution ships; compile it from the test sources.
classes=distribution/target/loadtest-classes
rm -rf "$classes"
mkdir -p "$classes"
jackson=""
for name in jackson-core jackson-databind jackson-annotations; do
  jar=$(ls "$dist"/lib/"$name"-[0-9]*.jar | head -n 1)
  jackson="$jackson${jackson:+:}$jar"
done
src=distribution/src/test/java/org/physlab/distribution
sources=("$src"/ServerProcess.java)
for f in "$src"/load/*.java; do
  case $f in *IT.java) ;; *) sources+=("$f") ;; esac     # LoadIT is the JUnit test of mvn verify
done
javac -nowarn -encoding UTF-8 -d "$classes" -cp "$jackson" "${sources[@]}"
exec java -Xmx1g -cp "$classes:$jackson" org.physlab.distribution.load.LoadTest --distribution "$dist" "$@"
