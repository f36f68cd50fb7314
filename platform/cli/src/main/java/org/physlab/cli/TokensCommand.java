package org.physlab.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import org.physlab.cli.format.Formats;
import org.physlab.cli.format.TextTable;
import org.physlab.runtime.PhyslabConfig;
import org.physlab.store.ApiToken;
import org.physlab.store.IssuedToken;
import org.physlab.store.RunStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code physlab tokens}: API tokens for REST clients and scripts ({@code Authorization: Bearer TOKEN}),
 * managed in the home's database directly. Changes go to the audit log.
 */
@Command(name = "tokens", description = {"Manage API tokens (Authorization: Bearer TOKEN) of a server with logins.",
        "A token acts with its owner's role; only a hash of it is stored, so it is shown once, when created."},
        subcommands = {TokensCommand.Create.class, TokensCommand.ListTokens.class, TokensCommand.Revoke.class})
final class TokensCommand implements Runnable {
    @ParentCommand
    PhyslabCommand physlab;

    @Override
    public void run() {
        throw CliException.usage("say what to do: physlab tokens create|list|revoke (see physlab tokens --help)");
    }

    @Command(name = "create", description = "Create a token for a user and print it on stdout (once: it cannot be shown again).")
    static final class Create implements Callable<Integer> {
        @ParentCommand
        TokensCommand tokens;

        @Option(names = "--user", paramLabel = "NAME", required = true, description = "The token's owner; it acts with their role.")
        String user;

        @Option(names = "--name", paramLabel = "LABEL", required = true, description = "What the token is for, e.g. laptop or ci.")
        String name;

        @Override
        public Integer call() {
            Io io = tokens.physlab.io();
            PhyslabConfig config = tokens.physlab.config(Map.of());
            try (RunStore store = RunStore.open(config.store())) {
                IssuedToken issued;
                try {
                    issued = store.users().createToken(user, name);
                } catch (IllegalArgumentException e) {
                    throw e.getMessage().startsWith("no user") ? new CliException(ExitCodes.NOT_FOUND, e.getMessage())
                            : CliException.usage(e.getMessage());
                }
                store.users().audit(UsersCommand.cliActor(config), "token.create", user,
                        "token " + issued.token().id() + " '" + issued.token().name() + "'");
                io.err().println("token " + issued.token().id() + " for " + user + " (" + issued.token().name()
                        + "); keep it secret, it is not shown again:");
                io.out().println(issued.secret());
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", description = "List tokens (never the tokens themselves): id, name, owner, created, revoked.")
    static final class ListTokens implements Callable<Integer> {
        @ParentCommand
        TokensCommand tokens;

        @Option(names = "--user", paramLabel = "NAME", description = "Only this user's tokens.")
        String user;

        @Override
        public Integer call() {
            Io io = tokens.physlab.io();
            PhyslabConfig config = tokens.physlab.config(Map.of());
            try (RunStore store = RunStore.open(config.store())) {
                var all = store.users().tokens(user);
                if (all.isEmpty()) {
                    io.err().println("no tokens");
                    return ExitCodes.OK;
                }
                TextTable t = new TextTable("ID", "NAME", "OWNER", "CREATED", "REVOKED").alignRight(0);
                for (ApiToken token : all) {
                    t.row(token.id(), token.name(), token.owner(), Formats.time(token.createdAt()),
                            token.revoked() ? Formats.time(token.revokedAt()) : "");
                }
                io.out().print(t.render());
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "revoke", description = "Revoke a token by its id (as 'tokens list' shows it); it is refused from then on.")
    static final class Revoke implements Callable<Integer> {
        @ParentCommand
        TokensCommand tokens;

        @Parameters(paramLabel = "ID")
        long id;

        @Override
        public Integer call() {
            PhyslabConfig config = tokens.physlab.config(Map.of());
            try (RunStore store = RunStore.open(config.store())) {
                ApiToken token = store.users().token(id)
                        .orElseThrow(() -> new CliException(ExitCodes.NOT_FOUND, "no token " + id));
                if (!store.users().revokeToken(id)) {
                    throw new CliException(ExitCodes.FAILED, "token " + id + " was revoked already");
                }
                store.users().audit(UsersCommand.cliActor(config), "token.revoke", token.owner(),
                        "token " + id + " '" + token.name() + "'");
                tokens.physlab.io().err().println("revoked token " + id + " of " + token.owner());
            }
            return ExitCodes.OK;
        }
    }
}
