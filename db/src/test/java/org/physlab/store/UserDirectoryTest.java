package org.physlab.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Users, passwords, lock-out, API tokens and the audit log as stored (migration V4). */
class UserDirectoryTest {
    /** bcrypt's least cost keeps the tests fast; the service default is 12. */
    private static final LoginPolicy POLICY = new LoginPolicy(3, Duration.ofMinutes(15), 4);

    private static char[] pw(String s) {
        return s.toCharArray();
    }

    @OnEveryBackend
    void aUserIsStoredWithABcryptHashAndLogsInWithThatPasswordOnly(Backend backend, @TempDir Path dir) throws Exception {
        try (TestDatabase db = backend.create(dir); RunStore store = db.open()) {
            UserDirectory users = store.users();
            char[] password = pw("correct horse battery");
            UserAccount ada = users.add("ada", Role.ADMIN, password, POLICY);
            assertArrayEquals(new char[password.length], password, "the password is wiped after hashing");
            assertEquals(Role.ADMIN, ada.role());
            assertEquals(0, ada.failedLogins());
            assertNull(ada.lockedUntil());

            String hash = (String) db.queryValue("SELECT password_hash FROM users WHERE name = 'ada'");
            assertTrue(hash.startsWith("$2a$04$") && hash.length() == 60, "a bcrypt hash of cost 4: " + hash);
            assertFalse(hash.contains("horse"));

            assertTrue(users.login("ada", pw("correct horse battery"), POLICY).ok());
            LoginResult wrong = users.login("ada", pw("correct horse batterY"), POLICY);
            assertEquals(LoginResult.Outcome.REFUSED, wrong.outcome());
            assertNull(wrong.user());
            assertEquals(LoginResult.Outcome.REFUSED, users.login("nobody", pw("correct horse battery"), POLICY).outcome(),
                    "an unknown name is refused like a wrong password");

            users.add("bob", Role.VIEWER, pw("bob's password"), POLICY);
            assertEquals(List.of("ada", "bob"), users.list().stream().map(UserAccount::name).toList());
            assertEquals(1, users.adminCount());
            assertTrue(users.setRole("bob", Role.MEMBER));
            assertEquals(Role.MEMBER, users.find("bob").orElseThrow().role());
            assertFalse(users.setRole("carol", Role.MEMBER));
            assertTrue(users.remove("bob"));
            assertFalse(users.remove("bob"));
            assertTrue(users.find("bob").isEmpty());
        }
    }

    @Test
    void namesPasswordsAndRolesAreCheckedWithReasons(@TempDir Path dir) throws Exception {
        try (TestDatabase db = Backend.EMBEDDED.create(dir); RunStore store = db.open()) {
            UserDirectory users = store.users();
            IllegalArgumentException shortPassword = assertThrows(IllegalArgumentException.class,
                    () -> users.add("ada", Role.MEMBER, pw("short"), POLICY));
            assertTrue(shortPassword.getMessage().contains("at least 8 characters"), shortPassword.getMessage());
            IllegalArgumentException longPassword = assertThrows(IllegalArgumentException.class,
                    () -> users.add("ada", Role.MEMBER, pw("é".repeat(37)), POLICY));
            assertTrue(longPassword.getMessage().contains("at most 72 bytes"), longPassword.getMessage());
            assertThrows(IllegalArgumentException.class, () -> users.add("-ada", Role.MEMBER, pw("long enough"), POLICY));
            assertThrows(IllegalArgumentException.class, () -> users.add("a da", Role.MEMBER, pw("long enough"), POLICY));
            users.add("ada", Role.MEMBER, pw("long enough"), POLICY);
            IllegalArgumentException taken = assertThrows(IllegalArgumentException.class,
                    () -> users.add("ada", Role.VIEWER, pw("long enough"), POLICY));
            assertEquals("user 'ada' exists already", taken.getMessage());
            assertEquals(Role.MEMBER, Role.parse(" Member "));
            IllegalArgumentException role = assertThrows(IllegalArgumentException.class, () -> Role.parse("root"));
            assertEquals("a role is admin, member or viewer, got 'root'", role.getMessage());
            assertTrue(Role.ADMIN.atLeast(Role.MEMBER) && Role.MEMBER.atLeast(Role.VIEWER) && !Role.VIEWER.atLeast(Role.MEMBER));
        }
    }

    @OnEveryBackend
    void consecutiveWrongPasswordsLockTheAccountEvenAgainstTheRightOneUntilTheLockExpires(Backend backend, @TempDir Path dir)
            throws Exception {
        try (TestDatabase db = backend.create(dir); RunStore store = db.open()) {
            UserDirectory users = store.users();
            users.add("ada", Role.MEMBER, pw("the right one"), POLICY);
            assertEquals(LoginResult.Outcome.REFUSED, users.login("ada", pw("wrong 1"), POLICY).outcome());
            assertTrue(users.login("ada", pw("the right one"), POLICY).ok(), "a good password resets the count");
            assertEquals(0, users.find("ada").orElseThrow().failedLogins());

            assertEquals(LoginResult.Outcome.REFUSED, users.login("ada", pw("wrong 1"), POLICY).outcome());
            assertEquals(LoginResult.Outcome.REFUSED, users.login("ada", pw("wrong 2"), POLICY).outcome());
            assertEquals(2, users.find("ada").orElseThrow().failedLogins());
            LoginResult third = users.login("ada", pw("wrong 3"), POLICY);
            assertEquals(LoginResult.Outcome.LOCKED, third.outcome(), "the third wrong password in a row locks");
            UserAccount locked = users.find("ada").orElseThrow();
            assertEquals(third.lockedUntil(), locked.lockedUntil());
            Duration lockedFor = Duration.between(locked.lockedUntil().minus(POLICY.lockout()), locked.lockedUntil());
            assertEquals(POLICY.lockout(), lockedFor);

            assertEquals(LoginResult.Outcome.LOCKED, users.login("ada", pw("the right one"), POLICY).outcome(),
                    "while locked even the right password is refused");
            AuditEntry audit = users.auditLog(10).get(0);
            assertEquals("login.locked", audit.action());
            assertEquals("ada", audit.target());
            assertTrue(audit.detail().contains("3 wrong passwords in a row"), audit.detail());

            // The lock expires: move it into the past as time would.
            db.update("UPDATE users SET locked_until = CURRENT_TIMESTAMP - INTERVAL '1' SECOND WHERE name = 'ada'");
            assertTrue(users.login("ada", pw("the right one"), POLICY).ok());
            assertNull(users.find("ada").orElseThrow().lockedUntil());

            // An admin's new password unlocks at once.
            for (int i = 0; i < 3; i++) users.login("ada", pw("wrong again"), POLICY);
            assertTrue(users.find("ada").orElseThrow().lockedAt(java.time.Instant.now()));
            assertTrue(users.setPassword("ada", pw("a new password"), POLICY));
            assertTrue(users.login("ada", pw("a new password"), POLICY).ok());
        }
    }

    @OnEveryBackend
    void aTokenIsShownOnceStoredAsAHashAuthenticatesItsOwnerAndIsRefusedOnceRevoked(Backend backend, @TempDir Path dir)
            throws Exception {
        try (TestDatabase db = backend.create(dir); RunStore store = db.open()) {
            UserDirectory users = store.users();
            users.add("ada", Role.MEMBER, pw("long enough"), POLICY);
            IssuedToken issued = users.createToken("ada", "laptop");
            assertTrue(issued.secret().matches("plt_[A-Za-z0-9_-]{43}"), issued.secret());
            assertFalse(issued.toString().contains(issued.secret()), "the secret is not printed by accident");
            assertEquals(1L, ((Number) db.queryValue("SELECT COUNT(*) FROM api_tokens WHERE token_hash = ?",
                    UserDirectory.sha256(issued.secret()))).longValue());
            assertEquals(0L, ((Number) db.queryValue("SELECT COUNT(*) FROM api_tokens WHERE token_hash = ?",
                    issued.secret())).longValue(), "the token itself is not stored");

            assertEquals("ada", users.authenticateToken(issued.secret()).orElseThrow().name());
            assertTrue(users.authenticateToken(issued.secret() + "x").isEmpty());
            assertTrue(users.authenticateToken("not a token").isEmpty());
            assertTrue(users.authenticateToken(null).isEmpty());

            IssuedToken second = users.createToken("ada", "ci");
            assertNotEquals(issued.secret(), second.secret());
            assertEquals(List.of("ci", "laptop"), users.tokens("ada").stream().map(ApiToken::name).toList());
            assertTrue(users.revokeToken(issued.token().id()));
            assertFalse(users.revokeToken(issued.token().id()), "revoked already");
            assertTrue(users.authenticateToken(issued.secret()).isEmpty(), "a revoked token is refused");
            assertTrue(users.token(issued.token().id()).orElseThrow().revoked());
            assertTrue(users.authenticateToken(second.secret()).isPresent());

            assertThrows(IllegalArgumentException.class, () -> users.createToken("nobody", "x"));
            assertThrows(IllegalArgumentException.class, () -> users.createToken("ada", " "));
            users.remove("ada");
            assertTrue(users.authenticateToken(second.secret()).isEmpty(), "a removed user's tokens go with them");
            assertTrue(users.tokens(null).isEmpty());
        }
    }

    @OnEveryBackend
    void theAuditLogKeepsWhoDidWhatNewestFirst(Backend backend, @TempDir Path dir) throws Exception {
        try (TestDatabase db = backend.create(dir); RunStore store = db.open()) {
            UserDirectory users = store.users();
            users.audit("ada", "plugin.install", "physlab.oscillator", "oscillator-1.0.jar");
            users.audit("ada", "user.add", "bob", "role member");
            List<AuditEntry> log = users.auditLog(10);
            assertEquals(List.of("user.add", "plugin.install"), log.stream().map(AuditEntry::action).toList());
            assertEquals("ada", log.get(1).actor());
            assertEquals("physlab.oscillator", log.get(1).target());
            assertEquals("oscillator-1.0.jar", log.get(1).detail());
            assertTrue(log.get(0).time() != null);
            assertEquals(1, users.auditLog(1).size());
        }
    }

    @OnEveryBackend
    void anEndedRunIsDeletedWithEverythingItRecordedAndAnActiveOneIsNot(Backend backend, @TempDir Path dir) throws Exception {
        try (TestDatabase db = backend.create(dir); RunStore store = db.open()) {
            String process = store.registerProcess("lab-1", ProcessHandle.current().pid(), "server");
            RunRecord run = store.create(Runs.oscillator("a"), process);
            assertTrue(store.markRunning(run.id(), process));
            store.appendMetrics(run.id(), List.of(new MetricPoint("loss", 0, 1.0, 0L), new MetricPoint("loss", 1, 0.5, 1L)));
            IllegalStateException active = assertThrows(IllegalStateException.class, () -> store.delete(run.id()));
            assertTrue(active.getMessage().contains("cancel it before deleting it"), active.getMessage());
            store.finish(run.id(), RunStatus.SUCCEEDED, null, java.util.Map.of());
            assertTrue(store.delete(run.id()));
            assertTrue(store.find(run.id()).isEmpty());
            assertEquals(0L, ((Number) db.queryValue("SELECT COUNT(*) FROM metrics")).longValue());
            assertFalse(store.delete(run.id()));
        }
    }
}
