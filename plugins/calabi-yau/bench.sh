#!/usr/bin/env bash
# Runs the calabi-yau benchmarks in src/test/java/org/physlab/calabiyau/bench:
#   EtaBench [points]   line-intersection sampling with weights, and eta of H = I for k = 1..4, in points
#                       per second on one thread (default 20,000 points at psi = 10+3i).
#   LossGradientBench   the eta-variance loss and its closed-form gradient of one tutorial step
#                       (4 psi x 100 points, k = 3), in steps per second.
# Usage: plugins/calabi-yau/bench.sh [EtaBench|LossGradientBench] [args]   (default: both)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
mvn -B -q -o -pl plugins/calabi-yau -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null
cp="plugins/calabi-yau/target/test-classes:plugins/calabi-yau/target/classes:$(cat plugins/calabi-yau/target/bench.classpath)"
case "${1:-}" in
  EtaBench|LossGradientBench) bench="$1"; shift; exec java -Xmx1g -cp "$cp" "org.physlab.calabiyau.bench.$bench" "$@" ;;
esac
java -Xmx1g -cp "$cp" org.physlab.calabiyau.bench.EtaBench "$@"
java -Xmx1g -cp "$cp" org.physlab.calabiyau.bench.LossGradientBench
