#!/usr/bin/env bash
# Runs org.physlab.vertexmesh.bench.RelaxBench: a 20,000-step gradient-descent relaxation of the
# 131-vertex tutorial disk against a naive baseline measured in the same run, and the tutorial's
# 19,999-step Tsit5 solve. Usage: plugins/vertex-mesh/bench.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
mvn -B -q -o -pl plugins/vertex-mesh -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null
cp="plugins/vertex-mesh/target/test-classes:plugins/vertex-mesh/target/classes:$(cat plugins/vertex-mesh/target/bench.classpath)"
exec java -Xmx512m -cp "$cp" org.physlab.vertexmesh.bench.RelaxBench "$@"
