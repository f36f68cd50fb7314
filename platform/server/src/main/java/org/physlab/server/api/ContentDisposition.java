package org.physlab.server.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** {@code Content-Disposition} values (RFC 6266) that survive any file name. */
final class ContentDisposition {
    private ContentDisposition() { }

    /** {@code attachment; filename="plain"; filename*=UTF-8''encoded}. */
    static String attachment(String fileName) {
        String plain = fileName.replaceAll("[^A-Za-z0-9._ -]", "_");
        String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + plain + "\"; filename*=UTF-8''" + encoded;
    }
}
