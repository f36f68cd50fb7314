package org.physlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.physlab.cli.PhyslabCliTest.Outcome;
import org.physlab.store.AuditEntry;
import org.physlab.store.Role;
import org.physlab.store.RunStore;
import org.physlab.store.StoreConfig;

/** {@code physlab users} and {@code physlab tokens} on a home's database, passwords piped in on stdin. */
class UsersAndTokensCommandsTest {
    @TempDir
    Path home;

    private Outcome physlab(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Io io = new Io(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                false, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        Properties props = new Properties();
        props.setProperty("physlab.auth.bcryptCost", "4");
        props.setProperty("physlab.user", "root-on-lab");
        String[] all = new String[args.length + 2];
        all[0] = "--home";
        all[1] = home.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        int code = PhyslabCli.execute(all, io, props);
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private RunStore store() {
        return RunStore.open(StoreConfig.embedded(home));
    }

    @Test
    void usersAreAddedWithAPasswordFromStdinListedGivenRolesAndRemovedEachChangeAudited() {
        Outcome added = physlab("first admin pw\n", "users", "add", "ada", "--role", "admin");
        assertEquals(0, added.exitCode(), added.err());
        assertTrue(added.err().contains("added user ada (admin)"), added.err());
        assertTrue(added.err().contains("logins are off until physlab.auth.enabled=true"), added.err());
        assertEquals(0, physlab("bob's password\n", "users", "add", "bob").exitCode());

        Outcome list = physlab("", "users", "list");
        assertEquals(0, list.exitCode(), list.err());
        List<String> lines = list.out().lines().toList();
        assertTrue(lines.get(0).startsWith("NAME") && lines.get(0).contains("ROLE"), list.out());
        assertTrue(lines.get(1).startsWith("ada ") && lines.get(1).contains("admin"), list.out());
        assertTrue(lines.get(2).startsWith("bob ") && lines.get(2).contains("member"), list.out());

        assertEquals(0, physlab("", "users", "set-role", "bob", "viewer").exitCode());
        Outcome badRole = physlab("", "users", "set-role", "bob", "root");
        assertEquals(ExitCodes.USAGE, badRole.exitCode());
        assertTrue(badRole.err().contains("a role is admin, member or viewer, got 'root'"), badRole.err());
        assertEquals(ExitCodes.NOT_FOUND, physlab("", "users", "set-role", "carol", "viewer").exitCode());

        try (RunStore store = store()) {
            assertEquals(Role.VIEWER, store.users().find("bob").orElseThrow().role());
            assertTrue(store.users().login("ada", "first admin pw".toCharArray(), new org.physlab.store.LoginPolicy(5,
                    java.time.Duration.ofMinutes(1), 4)).ok(), "the password piped in is the one stored");
        }
        assertEquals(0, physlab("", "users", "remove", "bob").exitCode());
        assertEquals(ExitCodes.NOT_FOUND, physlab("", "users", "remove", "bob").exitCode());

        try (RunStore store = store()) {
            List<AuditEntry> log = store.users().auditLog(10);
            assertEquals(List.of("user.remove", "user.role", "user.add", "user.add"),
                    log.stream().map(AuditEntry::action).toList());
            assertEquals("root-on-lab (command line)", log.get(0).actor());
            assertEquals("bob", log.get(0).target());
        }
    }

    @Test
    void aPasswordIsNeverTakenFromTheCommandLineAndAWeakOneIsRefused() {
        Outcome onArgv = physlab("", "users", "add", "ada", "--password", "hunter2hunter2");
        assertEquals(ExitCodes.USAGE, onArgv.exitCode());
        assertTrue(onArgv.err().contains("--password"), onArgv.err());
        Outcome none = physlab("", "users", "add", "ada");
        assertEquals(ExitCodes.USAGE, none.exitCode());
        assertTrue(none.err().contains("never taken from the command line"), none.err());
        Outcome weak = physlab("short\n", "users", "add", "ada");
        assertEquals(ExitCodes.USAGE, weak.exitCode());
        assertTrue(weak.err().contains("at least 8 characters"), weak.err());
        Outcome taken = physlab("long enough\n", "users", "add", "ada");
        assertEquals(0, taken.exitCode(), taken.err());
        assertEquals(ExitCodes.USAGE, physlab("long enough\n", "users", "add", "ada").exitCode());
    }

    @Test
    void aTokenIsPrintedOnceListedWithoutItsSecretAndRevoked() {
        assertEquals(0, physlab("long enough\n", "users", "add", "ada", "--role", "member").exitCode());
        Outcome created = physlab("", "tokens", "create", "--user", "ada", "--name", "laptop");
        assertEquals(0, created.exitCode(), created.err());
        String secret = created.out().trim();
        assertTrue(secret.matches("plt_[A-Za-z0-9_-]{43}"), created.out());
        assertTrue(created.err().contains("not shown again"), created.err());
        try (RunStore store = store()) {
            assertEquals("ada", store.users().authenticateToken(secret).orElseThrow().name());
        }

        Outcome list = physlab("", "tokens", "list");
        assertEquals(0, list.exitCode(), list.err());
        assertTrue(list.out().contains("laptop") && list.out().contains("ada"), list.out());
        assertFalse(list.out().contains(secret), "a listing never shows a token");
        String id = list.out().lines().skip(1).findFirst().orElseThrow().trim().split("\\s+")[0];

        assertEquals(0, physlab("", "tokens", "revoke", id).exitCode());
        assertEquals(ExitCodes.FAILED, physlab("", "tokens", "revoke", id).exitCode());
        assertEquals(ExitCodes.NOT_FOUND, physlab("", "tokens", "revoke", "999").exitCode());
        assertEquals(ExitCodes.NOT_FOUND, physlab("", "tokens", "create", "--user", "nobody", "--name", "x").exitCode());
        try (RunStore store = store()) {
            assertTrue(store.users().authenticateToken(secret).isEmpty(), "revoked");
            assertEquals(List.of("token.revoke", "token.create"), store.users().auditLog(2).stream()
                    .map(AuditEntry::action).toList());
        }
    }
}
