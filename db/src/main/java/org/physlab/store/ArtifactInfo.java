package org.physlab.store;

import java.time.Instant;

/**
 * Metadata of a stored artifact; the data itself is fetched with {@link RunStore#artifactData}.
 *
 * @param kind      line, scatter, heatmap, mesh, matrix, table or file (see org.physlab.api.Artifact#kind)
 * @param mediaType {@code application/json} for the data kinds; the plugin's type for files
 */
public record ArtifactInfo(String runId, String name, String kind, String title, String mediaType,
                           String fileName, long size, Instant createdAt) { }
