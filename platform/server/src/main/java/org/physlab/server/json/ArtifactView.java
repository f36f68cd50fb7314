package org.physlab.server.json;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.physlab.store.ArtifactInfo;

/**
 * A stored artifact's metadata and where to fetch its data.
 *
 * @param url the artifact's data, relative to the server root
 */
public record ArtifactView(String name, String kind, String title, String mediaType, String fileName, long size,
                           Instant createdAt, String url) {

    public static ArtifactView of(ArtifactInfo a) {
        return new ArtifactView(a.name(), a.kind(), a.title(), a.mediaType(), a.fileName(), a.size(), a.createdAt(),
                "/api/runs/" + enc(a.runId()) + "/artifacts/" + enc(a.name()));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
