package org.physlab.vertexmesh.meta;

import java.util.List;
import org.physlab.vertexmesh.sensitivity.MetaGradient;

/**
 * The batched meta-loss: the mean loss and mean gradient over the noisy copies, and each copy's own result.
 *
 * @param loss     mean meta-loss over the batch
 * @param gradient mean dL/dθ over the batch, one entry per learned parameter
 * @param members  the per-copy results, in batch order
 */
public record BatchMetaGradient(double loss, double[] gradient, List<MetaGradient> members) {
    public BatchMetaGradient {
        members = List.copyOf(members);
    }
}
