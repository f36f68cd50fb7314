#!/usr/bin/env bash
# Runs the calabi-yau benchmarks in src/test/java/org/physlab/calabiyau/bench:
#   EtaBench [points]   line-intersection sampling with weights, and eta of H = I for k = 1..4, in points
#                       per second on one thread (default 20,000 points at psi = 10+3i).
# Usage: plugins/calabi-yau/bench.sh [points]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
mvn -B -q -o -pl plugins/calabi-yau -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null
cp="plugins/calabi-yau/target/test-classes:plugins/calabi-yau/target/classes:$(cat plugins/calabi-yau/target/bench.classpath)"
exec java -Xmx1g -cp "$cp" org.physlab.calabiyau.bench.EtaBench "$@"
