#!/usr/bin/env bash
# Runs the vertex-mesh benchmarks in src/test/java/org/physlab/vertexmesh/bench:
#   RelaxBench      a 20,000-step gradient-descent relaxation of the 131-vertex tutorial disk against a
#                   naive baseline measured in the same run, and the tutorial's 19,999-step Tsit5 solve;
#   MetaTrainBench  differentiated relaxations (forward, adjoint) against a plain one, the meta-gradient
#                   through 20,000 steps, the full default meta-training and the noise-free reference table.
# Usage: plugins/vertex-mesh/bench.sh                          both, all sections
#        plugins/vertex-mesh/bench.sh MetaTrainBench [section ...]   one of them (sections: kernels gradient train table)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
mvn -B -q -o -pl plugins/vertex-mesh -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null
cp="plugins/vertex-mesh/target/test-classes:plugins/vertex-mesh/target/classes:$(cat plugins/vertex-mesh/target/bench.classpath)"
if [[ $# -gt 0 && "$1" == *Bench ]]; then
    bench="$1"
    shift
    exec java -Xmx1g -cp "$cp" "org.physlab.vertexmesh.bench.$bench" "$@"
fi
java -Xmx1g -cp "$cp" org.physlab.vertexmesh.bench.RelaxBench
java -Xmx1g -cp "$cp" org.physlab.vertexmesh.bench.MetaTrainBench
