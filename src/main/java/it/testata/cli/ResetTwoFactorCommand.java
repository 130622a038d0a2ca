package it.testata.cli;

import it.testata.Site;
import it.testata.account.AccountService;
import it.testata.account.User;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.Optional;
import java.util.concurrent.Callable;

/** ./testata user reset-2fa --email E: removes an account's TOTP, recovery codes and passkeys (a lost phone). */
@Command(name = "reset-2fa", mixinStandardHelpOptions = true,
        description = {"Removes an account's second factors (TOTP, recovery codes, passkeys) and ends its sessions;",
                "with auth.require_2fa=on the account is asked to set one up again at its next sign-in."})
final class ResetTwoFactorCommand implements Callable<Integer> {
    @Mixin
    SiteOptions site;

    @Option(names = "--email", required = true, paramLabel = "EMAIL", description = "the account's email")
    String email;

    @Override
    public Integer call() {
        String e;
        try {
            e = AccountService.normalizeEmail(email);
        } catch (IllegalArgumentException ex) {
            return UserCommand.fail(ex.getMessage());
        }
        try (Site s = Site.open(site.config(null))) {
            Optional<User> user = s.accounts.user(e);
            if (user.isEmpty()) return UserCommand.fail("there is no user with the email " + e);
            String removed = s.twoFactor.reset(user.get().id());
            s.accounts.endOtherSessions(user.get().id(), null);
            s.audit.cli("2fa.reset", e, removed);
            System.out.println("second factors removed for " + e + " (" + removed.replace(' ', ',') + ")");
            return 0;
        }
    }
}
