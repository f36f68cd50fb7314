package org.physlab.cli;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Callable;
import org.physlab.cli.format.Formats;
import org.physlab.cli.format.TextTable;
import org.physlab.runtime.PhyslabConfig;
import org.physlab.store.Role;
import org.physlab.store.RunStore;
import org.physlab.store.UserAccount;
import org.physlab.store.UserDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code physlab users}: the users of a server with logins ({@code physlab.auth.enabled=true}), managed
 * in the home's database directly: whoever may run this against the database is its administrator.
 * Every change goes to the audit log with the operating-system user as the actor.
 */
@Command(name = "users", description = {"Manage the users of a server with logins (physlab.auth.enabled=true).",
        "Passwords are read from a terminal prompt or the first line of standard input, never from the command line."},
        subcommands = {UsersCommand.Add.class, UsersCommand.ListUsers.class, UsersCommand.Remove.class,
                UsersCommand.SetRole.class, UsersCommand.SetPassword.class})
final class UsersCommand implements Runnable {
    @ParentCommand
    PhyslabCommand physlab;

    @Override
    public void run() {
        throw CliException.usage("say what to do: physlab users add|list|remove|set-role|set-password (see physlab users --help)");
    }

    /** The actor of the audit log for changes made here. */
    static String cliActor(PhyslabConfig config) {
        return config.user() + " (command line)";
    }

    private static Role role(String text) {
        try {
            return Role.parse(text);
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e.getMessage());
        }
    }

    private static CliException unknown(String name) {
        return new CliException(ExitCodes.NOT_FOUND, "no user '" + name + "'");
    }

    @Command(name = "add", description = "Add a user. The password is asked for twice at a terminal, or read from standard input.")
    static final class Add implements Callable<Integer> {
        @ParentCommand
        UsersCommand users;

        @Parameters(paramLabel = "NAME", description = "The login name.")
        String name;

        @Option(names = "--role", paramLabel = "ROLE", defaultValue = "member",
                description = "admin, member or viewer (default: ${DEFAULT-VALUE}).")
        String role;

        @Override
        public Integer call() {
            Role r = role(role);
            Io io = users.physlab.io();
            PhyslabConfig config = users.physlab.config(Map.of());
            char[] password = Passwords.read(io, name);
            try (RunStore store = RunStore.open(config.store())) {
                UserDirectory dir = store.users();
                UserAccount added;
                try {
                    added = dir.add(name, r, password, config.auth().loginPolicy());
                } catch (IllegalArgumentException e) {
                    throw CliException.usage(e.getMessage());
                }
                dir.audit(cliActor(config), "user.add", added.name(), "role " + added.role());
                io.err().println("added user " + added.name() + " (" + added.role() + ")"
                        + (config.auth().enabled() ? "" : "; logins are off until physlab.auth.enabled=true"));
            } finally {
                Arrays.fill(password, '\0');
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", description = "List the users: name, role, created, and whether locked out.")
    static final class ListUsers implements Callable<Integer> {
        @ParentCommand
        UsersCommand users;

        @Override
        public Integer call() {
            Io io = users.physlab.io();
            PhyslabConfig config = users.physlab.config(Map.of());
            try (RunStore store = RunStore.open(config.store())) {
                var all = store.users().list();
                if (all.isEmpty()) {
                    io.err().println("no users yet: physlab users add NAME --role admin");
                    return ExitCodes.OK;
                }
                TextTable t = new TextTable("NAME", "ROLE", "CREATED", "LOCKED UNTIL");
                java.time.Instant now = java.time.Instant.now();
                for (UserAccount u : all) {
                    t.row(u.name(), u.role(), Formats.time(u.createdAt()), u.lockedAt(now) ? Formats.time(u.lockedUntil()) : "");
                }
                io.out().print(t.render());
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "remove", description = "Remove a user and their API tokens (their runs keep their name).")
    static final class Remove implements Callable<Integer> {
        @ParentCommand
        UsersCommand users;

        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            PhyslabConfig config = users.physlab.config(Map.of());
            try (RunStore store = RunStore.open(config.store())) {
                if (!store.users().remove(name)) throw unknown(name);
                store.users().audit(cliActor(config), "user.remove", name, null);
                users.physlab.io().err().println("removed user " + name);
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "set-role", description = "Change a user's role.")
    static final class SetRole implements Callable<Integer> {
        @ParentCommand
        UsersCommand users;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Parameters(index = "1", paramLabel = "ROLE", description = "admin, member or viewer.")
        String role;

        @Override
        public Integer call() {
            Role r = role(role);
            PhyslabConfig config = users.physlab.config(Map.of());
            try (RunStore store = RunStore.open(config.store())) {
                if (!store.users().setRole(name, r)) throw unknown(name);
                store.users().audit(cliActor(config), "user.role", name, "role " + r);
                users.physlab.io().err().println(name + " is now " + r);
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "set-password", description = "Set a new password (which also unlocks a locked-out account).")
    static final class SetPassword implements Callable<Integer> {
        @ParentCommand
        UsersCommand users;

        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            Io io = users.physlab.io();
            PhyslabConfig config = users.physlab.config(Map.of());
            char[] password = Passwords.read(io, name);
            try (RunStore store = RunStore.open(config.store())) {
                boolean set;
                try {
                    set = store.users().setPassword(name, password, config.auth().loginPolicy());
                } catch (IllegalArgumentException e) {
                    throw CliException.usage(e.getMessage());
                }
                if (!set) throw unknown(name);
                store.users().audit(cliActor(config), "user.password", name, null);
                io.err().println("set the password of " + name);
            } finally {
                Arrays.fill(password, '\0');
            }
            return ExitCodes.OK;
        }
    }
}
