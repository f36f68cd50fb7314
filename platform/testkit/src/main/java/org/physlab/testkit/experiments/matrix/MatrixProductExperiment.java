package org.physlab.testkit.experiments.matrix;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.physlab.api.Experiment;
import org.physlab.api.ExperimentDescriptor;
import org.physlab.api.Parameter;
import org.physlab.api.ParameterSchema;
import org.physlab.api.RunContext;
import org.physlab.api.Summary;

/**
 * {@code testkit.matrix-product}: builds the {@code size × size} matrix {@code A[i][j] = i + j} with ND4J
 * and returns the trace of {@code A·Aᵀ}, which equals {@code Σ (i + j)²}. A plugin using it imports
 * ND4J packages from the host, so it shows that the host's ND4J exports work.
 */
public final class MatrixProductExperiment implements Experiment {

    public static final String ID = "testkit.matrix-product";

    @Override
    public ExperimentDescriptor descriptor() {
        return ExperimentDescriptor.builder(ID)
                .title("Matrix product with ND4J")
                .description("Computes trace(A·Aᵀ) for A[i][j] = i + j with the shared ND4J backend.")
                .parameters(ParameterSchema.builder()
                        .add(Parameter.integer("size").defaultValue(4).range(1, 512))
                        .build())
                .build();
    }

    @Override
    public Summary run(RunContext run) {
        int n = run.parameters().getInt("size");
        INDArray a = Nd4j.create(DataType.DOUBLE, n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a.putScalar(i, j, i + j);
            }
        }
        INDArray product = a.mmul(a.transpose());
        double trace = 0;
        for (int i = 0; i < n; i++) {
            trace += product.getDouble(i, i);
        }
        run.metric("trace", 0, trace);
        return Summary.builder().put("trace", trace).build();
    }

    /** {@code Σ (i + j)²} over {@code 0 ≤ i, j < size}: what {@link #run} should return. */
    public static double expectedTrace(int size) {
        double sum = 0;
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < size; j++) {
                sum += (double) (i + j) * (i + j);
            }
        }
        return sum;
    }
}
