#!/usr/bin/env bash
# Runs a vertex-mesh benchmark from src/test/java/org/physlab/vertexmesh/bench.
# Usage: plugins/vertex-mesh/bench.sh [BenchClass] [section ...]
#   plugins/vertex-mesh/bench.sh MetaTrainBench            full-size meta-training, sensitivities, reference table
#   plugins/vertex-mesh/bench.sh MetaTrainBench kernels    only the per-relaxation timings
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
bench="${1:-MetaTrainBench}"
[[ $# -gt 0 ]] && shift
mvn -B -q -o -pl plugins/vertex-mesh -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null
cp="plugins/vertex-mesh/target/test-classes:plugins/vertex-mesh/target/classes:$(cat plugins/vertex-mesh/target/bench.classpath)"
exec java -Xmx1g -cp "$cp" "org.physlab.vertexmesh.bench.$bench" "$@"
