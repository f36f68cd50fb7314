package org.physlab.server.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.physlab.runtime.AuthSettings;
import org.physlab.runtime.Physlab;
import org.physlab.store.LoginResult;
import org.physlab.store.UserAccount;
import org.physlab.store.UserDirectory;

/**
 * Finds the caller of a request, shared by the REST API and the web UI of one server.
 *
 * <p>Without logins ({@code physlab.auth.enabled=false}) every request is the single local user. With
 * them, a request is authenticated by an API token ({@code Authorization: Bearer TOKEN}) or by the HTTP
 * session of a password login (the web UI's login page or {@code POST /api/session}). The session keeps only
 * the user's name: each request reads the user again, so a removed user or a changed role takes effect at once.
 */
public final class Authenticator {
    /** The session attribute holding the logged-in user's name. */
    public static final String SESSION_USER = "physlab.user";
    /** Where a server's authenticator is kept in the servlet context. */
    public static final String CONTEXT_ATTRIBUTE = Authenticator.class.getName();

    private final Physlab lab;
    private final AuthSettings settings;

    public Authenticator(Physlab lab) {
        this.lab = lab;
        this.settings = lab.config().auth();
    }

    public boolean enabled() {
        return settings.enabled();
    }

    public AuthSettings settings() {
        return settings;
    }

    public UserDirectory users() {
        return lab.store().users();
    }

    /** How the request authenticated, for the rules that depend on it (sessions may only read over REST). */
    public enum Via { NONE, TOKEN, SESSION }

    /** A request's caller and how it was authenticated; {@code caller} is empty when nobody logged in. */
    public record Authentication(Optional<Caller> caller, Via via) {
        /** A bearer token was sent but is unknown or revoked. */
        public boolean badToken() {
            return via == Via.TOKEN && caller.isEmpty();
        }
    }

    /** The caller of {@code request}. */
    public Authentication authenticate(HttpServletRequest request) {
        if (!settings.enabled()) return new Authentication(Optional.of(Caller.singleUser(lab.config().user())), Via.NONE);
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            Optional<Caller> caller = users().authenticateToken(header.substring(7).trim()).map(Authenticator::caller);
            return new Authentication(caller, Via.TOKEN);
        }
        HttpSession session = request.getSession(false);
        return new Authentication(sessionCaller(session), session == null ? Via.NONE : Via.SESSION);
    }

    /** The user logged in to {@code session}, read afresh (empty if none, or removed since). */
    public Optional<Caller> sessionCaller(HttpSession session) {
        if (!settings.enabled()) return Optional.of(Caller.singleUser(lab.config().user()));
        if (session == null) return Optional.empty();
        Object name;
        try {
            name = session.getAttribute(SESSION_USER);
        } catch (IllegalStateException invalidated) {
            return Optional.empty();
        }
        if (!(name instanceof String user)) return Optional.empty();
        return users().find(user).map(Authenticator::caller);
    }

    /**
     * Checks a password. On success the caller is returned; the session is then the caller's to mark
     * (see {@link #logIn}).
     */
    public LoginResult checkPassword(String name, char[] password) {
        return users().login(name, password, settings.loginPolicy());
    }

    /**
     * Marks {@code request}'s session as {@code user}'s, under a new session id (so an id planted before the
     * login is worthless after it), with the configured idle timeout.
     */
    public static void logIn(HttpServletRequest request, UserAccount user, AuthSettings settings) {
        HttpSession session = request.getSession(true);
        request.changeSessionId();
        session = request.getSession(false);
        session.setAttribute(SESSION_USER, user.name());
        session.setMaxInactiveInterval((int) settings.sessionTimeout().toSeconds());
    }

    private static Caller caller(UserAccount user) {
        return new Caller(user.name(), user.role(), true);
    }
}
