#!/usr/bin/env bash
# Runs the autoencoder benchmarks in src/test/java/org/physlab/autoencoder/bench:
#   GeneratorBench [triples]   SLM generator on CICY 5302 (|Gamma| = 4, charges in [-2, 2]): candidate line-bundle
#                              sums checked per second on one thread (target >= 1,000,000), against the general
#                              CicyGeometry path on the same candidates (the ratio), and models per second with the
#                              pair table.
#   MnistEpochBench [images] [batch] [baselineBatches]
#                              one epoch of the talk's conv AE on the 60,000 MNIST training images with the plugin's
#                              layers (target < 180 s on the 2-core machine), against the same network built from
#                              DL4J's own layers and fit() on a few batches (the ratio).
# Usage: plugins/autoencoder/bench.sh [GeneratorBench|MnistEpochBench] [args]   (default: all)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
mvn -B -q -o -pl plugins/autoencoder -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null
cp="plugins/autoencoder/target/test-classes:plugins/autoencoder/target/classes:$(cat plugins/autoencoder/target/bench.classpath)"
# one OpenMP thread per ND4J op unless told otherwise, as the tests run
export OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}"
case "${1:-}" in
  GeneratorBench|MnistEpochBench) bench="$1"; shift; exec java -Xmx2g -cp "$cp" "org.physlab.autoencoder.bench.$bench" "$@" ;;
esac
java -Xmx2g -cp "$cp" org.physlab.autoencoder.bench.GeneratorBench "$@"
java -Xmx3g -cp "$cp" org.physlab.autoencoder.bench.MnistEpochBench
