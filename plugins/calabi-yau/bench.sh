#!/usr/bin/env bash
# Runs the calabi-yau benchmarks in src/test/java/org/physlab/calabiyau/bench:
#   EtaBench [points]   line-intersection sampling with weights, and eta of H = I for k = 1..4, in points
#                       per second on one thread (default 20,000 points at psi = 10+3i).
#   LossGradientBench   the eta-variance loss and its closed-form gradient of one tutorial step
#                       (4 psi x 100 points, k = 3), in steps per second.
#   TrainingStepBench   whole calabi-yau.moduli-net training steps (sampling, loss, gradient, backprop through
#                       the 1-100-100-1225 network, Adam), in steps per second (target >= 40).
# Usage: plugins/calabi-yau/bench.sh [EtaBench|LossGradientBench|TrainingStepBench] [args]   (default: all)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
mvn -B -q -o -pl plugins/calabi-yau -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null
cp="plugins/calabi-yau/target/test-classes:plugins/calabi-yau/target/classes:$(cat plugins/calabi-yau/target/bench.classpath)"
case "${1:-}" in
  EtaBench|LossGradientBench|TrainingStepBench) bench="$1"; shift; exec java -Xmx1g -cp "$cp" "org.physlab.calabiyau.bench.$bench" "$@" ;;
esac
java -Xmx1g -cp "$cp" org.physlab.calabiyau.bench.EtaBench "$@"
java -Xmx1g -cp "$cp" org.physlab.calabiyau.bench.LossGradientBench
java -Xmx1g -cp "$cp" org.physlab.calabiyau.bench.TrainingStepBench
