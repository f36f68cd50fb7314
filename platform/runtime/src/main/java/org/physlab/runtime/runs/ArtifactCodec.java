package org.physlab.runtime.runs;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.physlab.api.Artifact;
import org.physlab.store.ArtifactInfo;

/**
 * How artifacts are stored: the data kinds (line, scatter, heatmap, mesh, matrix, table) as the JSON
 * of their record, with media type {@code application/json}; a {@link Artifact.FileArtifact} as its raw
 * bytes with its own media type and file name. {@link #decode} turns what {@link #encode} wrote back
 * into the same record.
 *
 * <pre>{@code
 * ArtifactCodec.Encoded e = ArtifactCodec.encode(runId, chart);
 * store.putArtifact(e.info(), e.data());
 * Artifact back = ArtifactCodec.decode(e.info(), store.artifactData(runId, chart.name()).orElseThrow());
 * }</pre>
 */
public final class ArtifactCodec {
    /** The media type of every data kind. */
    public static final String JSON = "application/json";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static final Map<String, Class<? extends Artifact>> KINDS = Map.of(
            "line", Artifact.LineChart.class,
            "scatter", Artifact.Scatter.class,
            "heatmap", Artifact.Heatmap.class,
            "mesh", Artifact.TriangleMesh.class,
            "matrix", Artifact.Matrix.class,
            "table", Artifact.Table.class,
            "file", Artifact.FileArtifact.class);

    private ArtifactCodec() { }

    /** An artifact ready for {@link org.physlab.store.RunStore#putArtifact}. */
    public record Encoded(ArtifactInfo info, byte[] data) { }

    /** Serializes an artifact of a run. */
    public static Encoded encode(String runId, Artifact artifact) {
        Objects.requireNonNull(artifact, "artifact");
        byte[] data;
        String mediaType;
        String fileName;
        if (artifact instanceof Artifact.FileArtifact file) {
            data = file.content();
            mediaType = file.mediaType();
            fileName = file.fileName();
        } else {
            try {
                data = MAPPER.writeValueAsBytes(artifact);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot serialize artifact '" + artifact.name() + "': " + e.getMessage(), e);
            }
            mediaType = JSON;
            fileName = artifact.name() + ".json";
        }
        String title = artifact.title() == null ? artifact.name() : artifact.title();
        ArtifactInfo info = new ArtifactInfo(runId, artifact.name(), artifact.kind(), title, mediaType, fileName,
                data.length, Instant.now());
        return new Encoded(info, data);
    }

    /**
     * Reads an artifact back.
     *
     * @throws IllegalArgumentException if the kind is unknown or the data does not parse as that kind
     */
    public static Artifact decode(ArtifactInfo info, byte[] data) {
        Class<? extends Artifact> type = KINDS.get(info.kind());
        if (type == null) {
            throw new IllegalArgumentException("artifact '" + info.name() + "' has unknown kind '" + info.kind()
                    + "'; known: " + String.join(", ", new java.util.TreeSet<>(KINDS.keySet())));
        }
        if (type == Artifact.FileArtifact.class) {
            return new Artifact.FileArtifact(info.name(), info.title(), info.mediaType(), info.fileName(), data);
        }
        try {
            return MAPPER.readValue(data, type);
        } catch (IOException e) {
            throw new IllegalArgumentException("artifact '" + info.name() + "' of run " + info.runId()
                    + " is not a readable " + info.kind() + ": " + e.getMessage(), e);
        }
    }
}
