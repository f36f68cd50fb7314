package org.physlab.oscillator.experiments;

import org.physlab.api.Parameters;
import org.physlab.api.RunContext;
import org.physlab.oscillator.duffing.FrequencySweep;
import org.physlab.oscillator.nets.Engine;
import org.physlab.oscillator.nets.ModelCard;
import org.physlab.oscillator.nets.Precision;

/**
 * The model-card entries the training experiments share, written in one place so that
 * {@code oscillator.predict} can rely on them: what trained the network and how its inputs were simulated.
 */
final class ModelCards {
    private ModelCards() { }

    /** Provenance and simulation of any trained oscillator network. */
    static ModelCard.Builder trained(String kind, String experimentId, RunContext run, FrequencySweep sweep,
                                     Precision precision, Engine engine) {
        Parameters p = run.parameters();
        return ModelCard.builder(kind)
                .put("experiment", experimentId)
                .put("run", run.runId())
                .put("noise", p.getDouble("noise"))
                .put("z0.re", p.getDouble("z0Re"))
                .put("z0.im", p.getDouble("z0Im"))
                .sweep(sweep)
                .put("precision", precision.label())
                .put("trained.engine", engine.label());
    }

    /** A network reading one response curve at a fixed force, resized to {@code bins} with the lecture's linear resize. */
    static ModelCard.Builder curveNetwork(String experimentId, RunContext run, FrequencySweep sweep, int bins,
                                          Precision precision, Engine engine) {
        return trained(ModelCard.KIND_CURVE, experimentId, run, sweep, precision, engine)
                .put("input.shape", new int[] {bins})
                .put("bins", bins)
                .put("resize.method", "linear")
                .put("resize.antialias", "true")
                .put("force", run.parameters().getDouble("force"));
    }
}
