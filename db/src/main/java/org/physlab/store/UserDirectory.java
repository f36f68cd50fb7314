package org.physlab.store;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.security.crypto.bcrypt.BCrypt;

/**
 * Users, their API tokens and the audit log of a server with logins, in the run store's database
 * (migration {@code V4__users_and_audit.sql}). Thread-safe; every method throws {@link StoreException}
 * when the database fails.
 *
 * <p>Passwords are kept as bcrypt hashes (Spring Security's {@code BCrypt}); a login compares in constant
 * time and costs one bcrypt evaluation, also for an unknown name, so neither the answer nor its timing
 * tells which names exist. After {@link LoginPolicy#maxFailedLogins()} consecutive wrong passwords the
 * account refuses every password for {@link LoginPolicy#lockout()}; a good password resets the count.
 * Times come from the database's clock.
 *
 * <p>API tokens are {@code plt_} followed by 43 base64url characters (256 random bits). Only their SHA-256 is
 * stored: a token cannot be read back, only revoked.
 */
public final class UserDirectory {
    /** User names: a letter or digit, then letters, digits, '.', '_', '-' or '@'; at most 100. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,99}");
    static final int MIN_PASSWORD_CHARS = 8;
    /** bcrypt reads at most 72 bytes of a password; longer ones are refused rather than cut. */
    static final int MAX_PASSWORD_BYTES = 72;
    static final String TOKEN_PREFIX = "plt_";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String USER_COLUMNS = "name, user_role, failed_logins, locked_until, created_at";
    private static final String TOKEN_COLUMNS = "id, name, owner_name, created_at, revoked_at";

    private final Database db;
    /** A hash of nothing per cost, checked against for unknown names so that they take as long as known ones. */
    private final Map<Integer, String> decoys = new ConcurrentHashMap<>();

    UserDirectory(Database db) {
        this.db = db;
    }

    // ---- users ------------------------------------------------------------------------------------------

    /**
     * Adds a user with a bcrypt hash of {@code password} (which is then overwritten with zeros).
     *
     * @throws IllegalArgumentException for a bad name, a password shorter than 8 characters or longer than
     *         72 bytes, or a name already taken
     */
    public UserAccount add(String name, Role role, char[] password, LoginPolicy policy) {
        requireName(name);
        if (role == null) throw new IllegalArgumentException("a role is required (admin, member or viewer)");
        String hash = hash(password, policy.bcryptCost());
        try {
            return db.inTransaction("adding user " + name, c -> {
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO users (name, user_role, password_hash, "
                        + "failed_logins, created_at) VALUES (?, ?, ?, 0, CURRENT_TIMESTAMP)")) {
                    insert.setString(1, name);
                    insert.setString(2, role.id());
                    insert.setString(3, hash);
                    insert.executeUpdate();
                }
                return user(c, name).orElseThrow();
            });
        } catch (StoreException e) {
            SQLException sql = Database.findSqlException(e);
            if (sql != null && Database.isUniqueViolation(sql)) {
                throw new IllegalArgumentException("user '" + name + "' exists already", e);
            }
            throw e;
        }
    }

    /** Every user, by name. */
    public List<UserAccount> list() {
        return db.withConnection("listing users", c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + USER_COLUMNS + " FROM users ORDER BY name")) {
                return users(select);
            }
        });
    }

    public Optional<UserAccount> find(String name) {
        if (name == null || name.isBlank()) return Optional.empty();
        return db.withConnection("reading user " + name, c -> user(c, name));
    }

    /** Removes the user and their tokens; their runs keep their name. False if there was none. */
    public boolean remove(String name) {
        return db.withConnection("removing user " + name, c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM users WHERE name = ?")) {
                delete.setString(1, name);
                return delete.executeUpdate() > 0;
            }
        });
    }

    /** Changes a user's role; false if there is no such user. */
    public boolean setRole(String name, Role role) {
        if (role == null) throw new IllegalArgumentException("a role is required (admin, member or viewer)");
        return db.withConnection("changing the role of user " + name, c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE users SET user_role = ? WHERE name = ?")) {
                update.setString(1, role.id());
                update.setString(2, name);
                return update.executeUpdate() > 0;
            }
        });
    }

    /** Sets a new password and unlocks the account; false if there is no such user. */
    public boolean setPassword(String name, char[] password, LoginPolicy policy) {
        String hash = hash(password, policy.bcryptCost());
        return db.withConnection("setting the password of user " + name, c -> {
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE users SET password_hash = ?, failed_logins = 0, locked_until = NULL WHERE name = ?")) {
                update.setString(1, hash);
                update.setString(2, name);
                return update.executeUpdate() > 0;
            }
        });
    }

    /** How many users have the admin role. */
    public int adminCount() {
        return db.withConnection("counting admins", c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT COUNT(*) FROM users WHERE user_role = 'admin'");
                 ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    // ---- logins -----------------------------------------------------------------------------------------

    /**
     * Checks a password (then overwrites it with zeros). A locked account is refused without looking at
     * the password; a wrong one counts towards the lock-out, which the audit log records
     * ({@code login.locked}); a right one resets the count.
     */
    public LoginResult login(String name, char[] password, LoginPolicy policy) {
        byte[] bytes = utf8(password);
        try {
            return db.inTransaction("logging in user " + name, c -> {
                String hash = null;
                int failed = 0;
                Instant lockedUntil = null;
                if (name != null && !name.isBlank()) {
                    try (PreparedStatement select = c.prepareStatement(
                            "SELECT password_hash, failed_logins, locked_until FROM users WHERE name = ? FOR UPDATE")) {
                        select.setString(1, name);
                        try (ResultSet rs = select.executeQuery()) {
                            if (rs.next()) {
                                hash = rs.getString(1);
                                failed = rs.getInt(2);
                                lockedUntil = Sql.instant(rs, 3);
                            }
                        }
                    }
                }
                Instant now = Sql.now(c);
                if (hash == null) {
                    checkQuietly(bytes, decoy(policy.bcryptCost()));
                    return LoginResult.refused();
                }
                if (lockedUntil != null && lockedUntil.isAfter(now)) {
                    return LoginResult.locked(lockedUntil);
                }
                if (checkQuietly(bytes, hash)) {
                    try (PreparedStatement update = c.prepareStatement(
                            "UPDATE users SET failed_logins = 0, locked_until = NULL WHERE name = ?")) {
                        update.setString(1, name);
                        update.executeUpdate();
                    }
                    return LoginResult.ok(user(c, name).orElseThrow());
                }
                failed++;
                if (failed >= policy.maxFailedLogins()) {
                    Instant until = now.plus(policy.lockout());
                    try (PreparedStatement update = c.prepareStatement(
                            "UPDATE users SET failed_logins = 0, locked_until = ? WHERE name = ?")) {
                        update.setObject(1, Sql.timestamp(until));
                        update.setString(2, name);
                        update.executeUpdate();
                    }
                    insertAudit(c, name, "login.locked", name, failed + " wrong passwords in a row; locked until " + until);
                    return LoginResult.locked(until);
                }
                try (PreparedStatement update = c.prepareStatement("UPDATE users SET failed_logins = ? WHERE name = ?")) {
                    update.setInt(1, failed);
                    update.setString(2, name);
                    update.executeUpdate();
                }
                return LoginResult.refused();
            });
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    private String decoy(int cost) {
        return decoys.computeIfAbsent(cost, k -> BCrypt.hashpw(randomBytes(16), BCrypt.gensalt(k, RANDOM)));
    }

    private static boolean checkQuietly(byte[] password, String hash) {
        try {
            return BCrypt.checkpw(password, hash);
        } catch (IllegalArgumentException badHashOrTooLong) {
            return false;
        }
    }

    /** A bcrypt hash of {@code password}, which is overwritten with zeros. */
    static String hash(char[] password, int cost) {
        if (password == null) throw new IllegalArgumentException("a password is required");
        byte[] bytes = utf8(password);
        try {
            if (password.length < MIN_PASSWORD_CHARS) {
                throw new IllegalArgumentException("the password must have at least " + MIN_PASSWORD_CHARS + " characters");
            }
            if (bytes.length > MAX_PASSWORD_BYTES) {
                throw new IllegalArgumentException("the password must be at most " + MAX_PASSWORD_BYTES
                        + " bytes in UTF-8 (bcrypt reads no more)");
            }
            return BCrypt.hashpw(bytes, BCrypt.gensalt(cost, RANDOM));
        } finally {
            Arrays.fill(bytes, (byte) 0);
            Arrays.fill(password, '\0');
        }
    }

    private static byte[] utf8(char[] chars) {
        if (chars == null) return new byte[0];
        ByteBuffer buffer = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        if (buffer.hasArray()) Arrays.fill(buffer.array(), (byte) 0);
        return bytes;
    }

    // ---- API tokens -------------------------------------------------------------------------------------

    /**
     * Creates a token for {@code owner}, named {@code name} (what it is for: "laptop", "ci").
     *
     * @throws IllegalArgumentException if there is no such user or the name is blank or longer than 100
     */
    public IssuedToken createToken(String owner, String name) {
        if (name == null || name.isBlank() || name.trim().length() > 100) {
            throw new IllegalArgumentException("a token needs a name of 1-100 characters (what it is for, e.g. 'laptop')");
        }
        String secret = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(32));
        ApiToken token = db.inTransaction("creating a token for user " + owner, c -> {
            if (user(c, owner).isEmpty()) throw new IllegalArgumentException("no user '" + owner + "'");
            long id;
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO api_tokens (token_hash, name, owner_name, "
                    + "created_at) VALUES (?, ?, ?, CURRENT_TIMESTAMP)", Statement.RETURN_GENERATED_KEYS)) {
                insert.setString(1, sha256(secret));
                insert.setString(2, name.trim());
                insert.setString(3, owner);
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            return token(c, id).orElseThrow();
        });
        return new IssuedToken(secret, token);
    }

    /** Tokens of {@code owner}, or of everyone when null; newest first, revoked ones included. */
    public List<ApiToken> tokens(String owner) {
        return db.withConnection("listing tokens", c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + TOKEN_COLUMNS + " FROM api_tokens"
                    + (owner == null ? "" : " WHERE owner_name = ?") + " ORDER BY id DESC")) {
                if (owner != null) select.setString(1, owner);
                return tokens(select);
            }
        });
    }

    public Optional<ApiToken> token(long id) {
        return db.withConnection("reading token " + id, c -> token(c, id));
    }

    /** Revokes a token; false if there is none with that id or it was revoked already. */
    public boolean revokeToken(long id) {
        return db.withConnection("revoking token " + id, c -> {
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE api_tokens SET revoked_at = CURRENT_TIMESTAMP WHERE id = ? AND revoked_at IS NULL")) {
                update.setLong(1, id);
                return update.executeUpdate() > 0;
            }
        });
    }

    /** The user a token belongs to, if the token exists and is not revoked. */
    public Optional<UserAccount> authenticateToken(String secret) {
        if (secret == null || !secret.startsWith(TOKEN_PREFIX) || secret.length() > 200) return Optional.empty();
        return db.withConnection("checking an API token", c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT u.name, u.user_role, u.failed_logins, "
                    + "u.locked_until, u.created_at FROM api_tokens t JOIN users u ON u.name = t.owner_name "
                    + "WHERE t.token_hash = ? AND t.revoked_at IS NULL")) {
                select.setString(1, sha256(secret));
                List<UserAccount> found = users(select);
                return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
            }
        });
    }

    // ---- audit log --------------------------------------------------------------------------------------

    /** Adds a line to the audit log. */
    public void audit(String actor, String action, String target, String detail) {
        if (actor == null || actor.isBlank()) throw new IllegalArgumentException("an actor is required");
        if (action == null || action.isBlank()) throw new IllegalArgumentException("an action is required");
        db.withConnection("writing the audit log (" + action + ")", c -> {
            insertAudit(c, actor, action, target, detail);
            return null;
        });
    }

    /** The newest {@code limit} lines of the audit log, newest first. */
    public List<AuditEntry> auditLog(int limit) {
        if (limit < 0) throw new IllegalArgumentException("limit must not be negative");
        return db.withConnection("reading the audit log", c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT id, logged_at, actor, action, target, detail "
                    + "FROM audit_log ORDER BY id DESC FETCH FIRST ? ROWS ONLY")) {
                select.setInt(1, limit);
                List<AuditEntry> out = new ArrayList<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        out.add(new AuditEntry(rs.getLong(1), Sql.instant(rs, 2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6)));
                    }
                }
                return out;
            }
        });
    }

    private static void insertAudit(Connection c, String actor, String action, String target, String detail)
            throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO audit_log (logged_at, actor, action, target, "
                + "detail) VALUES (CURRENT_TIMESTAMP, ?, ?, ?, ?)")) {
            insert.setString(1, truncate(actor, 200));
            insert.setString(2, truncate(action, 64));
            if (target == null) insert.setNull(3, Types.VARCHAR);
            else insert.setString(3, truncate(target, 300));
            if (detail == null) insert.setNull(4, Types.VARCHAR);
            else insert.setString(4, detail);
            insert.executeUpdate();
        }
    }

    // ---- rows -------------------------------------------------------------------------------------------

    private static Optional<UserAccount> user(Connection c, String name) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT " + USER_COLUMNS + " FROM users WHERE name = ?")) {
            select.setString(1, name);
            List<UserAccount> found = users(select);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        }
    }

    private static List<UserAccount> users(PreparedStatement select) throws SQLException {
        List<UserAccount> out = new ArrayList<>();
        try (ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                out.add(new UserAccount(rs.getString(1), Role.parse(rs.getString(2)), rs.getInt(3), Sql.instant(rs, 4),
                        Sql.instant(rs, 5)));
            }
        }
        return out;
    }

    private static Optional<ApiToken> token(Connection c, long id) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT " + TOKEN_COLUMNS + " FROM api_tokens WHERE id = ?")) {
            select.setLong(1, id);
            List<ApiToken> found = tokens(select);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        }
    }

    private static List<ApiToken> tokens(PreparedStatement select) throws SQLException {
        List<ApiToken> out = new ArrayList<>();
        try (ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                out.add(new ApiToken(rs.getLong(1), rs.getString(2), rs.getString(3), Sql.instant(rs, 4), Sql.instant(rs, 5)));
            }
        }
        return out;
    }

    private static void requireName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a user name is a letter or digit followed by letters, digits, '.', '_', "
                    + "'-' or '@' (at most 100), got '" + name + "'");
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM lacks SHA-256", e);
        }
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
