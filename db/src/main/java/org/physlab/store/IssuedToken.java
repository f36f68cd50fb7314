package org.physlab.store;

/**
 * A token just created: its secret (to send as {@code Authorization: Bearer SECRET}), which the store
 * does not keep and cannot show again, and its listing.
 */
public record IssuedToken(String secret, ApiToken token) {
    @Override
    public String toString() {
        return "IssuedToken[" + token + "]";
    }
}
