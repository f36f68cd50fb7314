package org.physlab.server.api;

import java.util.List;

/** The path exists but not for this HTTP method; the answer carries an {@code Allow} header. */
public final class MethodNotAllowedException extends ApiException {
    private static final long serialVersionUID = 1L;
    private final List<String> allowed;

    public MethodNotAllowedException(String method, String path, List<String> allowed) {
        super(405, method + " is not supported on " + path + "; use " + String.join(" or ", allowed));
        this.allowed = List.copyOf(allowed);
    }

    public List<String> allowed() {
        return allowed;
    }
}
