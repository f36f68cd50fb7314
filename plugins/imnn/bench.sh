#!/usr/bin/env bash
# Runs org.physlab.imnn.bench.ImnnBench: layer-product and fitting-iteration timings, and whole tutorial
# fits checked against spec §8. Usage: plugins/imnn/bench.sh [layer|iteration|fit [seed ...]]   (no section: all)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
mvn -B -q -o -pl plugins/imnn -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null
cp="plugins/imnn/target/test-classes:plugins/imnn/target/classes:$(cat plugins/imnn/target/bench.classpath)"
# one OpenMP thread per ND4J op, as the tests and the platform's 2-core setting use
export OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}"
exec java -Xmx2g -cp "$cp" org.physlab.imnn.bench.ImnnBench "$@"
