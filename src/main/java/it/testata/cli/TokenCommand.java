package it.testata.cli;

import it.testata.Site;
import it.testata.account.UserStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** API tokens from the command line: create one (shown once), list them, revoke them. */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = "Creates, lists and revokes API tokens. A token acts with its user's role.",
        subcommands = {TokenCommand.Create.class, TokenCommand.Revoke.class, TokenCommand.ListTokens.class})
public final class TokenCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Creates a token for a user and prints it once: only its hash is kept.")
    static final class Create implements Callable<Integer> {
        @Mixin
        SiteOptions site;

        @Option(names = "--email", required = true, paramLabel = "EMAIL", description = "the user the token acts for")
        String email;

        @Option(names = "--name", paramLabel = "LABEL", description = "a label to recognize the token by")
        String name;

        @Override
        public Integer call() {
            try (Site s = Site.open(site.config(null))) {
                System.out.println(s.accounts.createToken(email, name));
                s.audit.cli("token.create", email, name == null ? "" : "name=" + name); // --- staff ---
                return 0;
            } catch (IllegalArgumentException e) {
                return UserCommand.fail(e.getMessage());
            }
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = {"Revokes tokens: the one given, the one with --id, or a user's (--email), only those",
                    "with a label when --name is given too."})
    static final class Revoke implements Callable<Integer> {
        @Mixin
        SiteOptions site;

        @Parameters(paramLabel = "TOKEN", arity = "0..1", description = "the token itself")
        String token;

        @Option(names = "--id", paramLabel = "ID", description = "the token's id, as 'token list' shows it")
        Long id;

        @Option(names = "--email", paramLabel = "EMAIL", description = "this user's tokens")
        String email;

        @Option(names = "--name", paramLabel = "LABEL", description = "with --email: only the tokens with this label")
        String name;

        @Override
        public Integer call() {
            int ways = (token != null ? 1 : 0) + (id != null ? 1 : 0) + (email != null ? 1 : 0);
            if (ways != 1) return UserCommand.fail("give a TOKEN, --id ID or --email EMAIL [--name LABEL]");
            if (name != null && email == null) return UserCommand.fail("--name goes with --email");
            try (Site s = Site.open(site.config(null))) {
                List<Long> ids = new ArrayList<>();
                if (token != null) {
                    Optional<Long> found = s.accounts.tokenId(token);
                    if (found.isEmpty()) return UserCommand.fail("no such token");
                    ids.add(found.get());
                } else if (id != null) {
                    ids.add(id);
                } else {
                    for (UserStore.Token t : s.accounts.tokens(email)) {
                        if (name == null || name.equals(t.name())) ids.add(t.id());
                    }
                }
                int revoked = ids.isEmpty() ? 0 : s.accounts.revokeTokens(ids);
                if (revoked == 0) return UserCommand.fail("no token matched");
                System.out.println("revoked " + revoked + (revoked == 1 ? " token" : " tokens"));
                s.audit.cli("token.revoke", "ids=" + ids, ""); // --- staff ---
                return 0;
            } catch (IllegalArgumentException e) {
                return UserCommand.fail(e.getMessage());
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists tokens: id, user, label, created, last used.")
    static final class ListTokens implements Callable<Integer> {
        @Mixin
        SiteOptions site;

        @Option(names = "--email", paramLabel = "EMAIL", description = "only this user's tokens")
        String email;

        @Override
        public Integer call() {
            try (Site s = Site.open(site.config(null))) {
                for (UserStore.Token t : s.accounts.tokens(email)) {
                    System.out.println(t.id() + "\t" + t.email() + "\t" + t.name() + "\t" + t.createdAt()
                            + "\t" + (t.lastUsedAt() == null ? "never used" : t.lastUsedAt()));
                }
                return 0;
            } catch (IllegalArgumentException e) {
                return UserCommand.fail(e.getMessage());
            }
        }
    }
}
