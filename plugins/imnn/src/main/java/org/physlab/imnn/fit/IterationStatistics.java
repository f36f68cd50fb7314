package org.physlab.imnn.fit;

import org.physlab.imnn.fisher.FisherLoss;

/** What the history records per iteration and set: det F, det C, det C⁻¹, Λ₂ and r(Λ₂) (and the loss). */
public record IterationStatistics(double detF, double detC, double detInvC, double lambda2, double r, double loss) {
    static IterationStatistics of(FisherLoss l) {
        return new IterationStatistics(l.detF(), l.detC(), l.detInvC(), l.lambda2(), l.r(), l.loss());
    }
}
