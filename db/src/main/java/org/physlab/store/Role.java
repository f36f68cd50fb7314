package org.physlab.store;

import java.util.Arrays;
import java.util.Locale;

/**
 * What a user may do on a server with logins. Each role may do everything of the roles below it.
 * <ul>
 *   <li>{@link #VIEWER}: read plugins, experiments, runs, the queue;</li>
 *   <li>{@link #MEMBER}: also launch runs, cancel and delete their own runs, tag and comment on any run;</li>
 *   <li>{@link #ADMIN}: also install and remove plugins, manage users and their tokens, change settings,
 *       cancel or delete anyone's runs.</li>
 * </ul>
 */
public enum Role {
    VIEWER, MEMBER, ADMIN;

    /** The name stored and shown: {@code admin}, {@code member}, {@code viewer}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether this role may do what {@code needed} may. */
    public boolean atLeast(Role needed) {
        return compareTo(needed) >= 0;
    }

    /** @throws IllegalArgumentException naming the three roles */
    public static Role parse(String text) {
        if (text != null) {
            for (Role r : values()) if (r.id().equalsIgnoreCase(text.trim())) return r;
        }
        throw new IllegalArgumentException("a role is admin, member or viewer, got '" + text + "'");
    }

    @Override
    public String toString() {
        return id();
    }

    static String[] ids() {
        return Arrays.stream(values()).map(Role::id).toArray(String[]::new);
    }
}
