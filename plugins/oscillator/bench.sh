#!/usr/bin/env bash
# Runs org.physlab.oscillator.bench.OscillatorBench (simulation/training timings and the acceptance
# numbers). Usage: plugins/oscillator/bench.sh [section ...]   (no section: all of them)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
mvn -B -q -o -pl plugins/oscillator -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null
cp="plugins/oscillator/target/test-classes:plugins/oscillator/target/classes:$(cat plugins/oscillator/target/bench.classpath)"
# one OpenMP thread per ND4J op, as the tests and the platform's 2-core setting use
export OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}"
exec java -Xmx2g -cp "$cp" org.physlab.oscillator.bench.OscillatorBench "$@"
