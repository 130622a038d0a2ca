package it.testata.cli;

import it.testata.Site;
import it.testata.account.AccountService;
import it.testata.account.Passwords;
import it.testata.account.Role;
import it.testata.account.User;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

/** Staff accounts from the command line: add one, change a password, list them. */
@Command(name = "user", mixinStandardHelpOptions = true,
        description = "Adds newsroom accounts and changes their passwords.",
        subcommands = {UserCommand.Add.class, UserCommand.Passwd.class, UserCommand.ListUsers.class,
                ResetTwoFactorCommand.class})
public final class UserCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Adds an account. The password is read from standard input twice (a prompt on a terminal;",
                    "otherwise two equal lines); when standard input is empty, one is generated and printed once."})
    static final class Add implements Callable<Integer> {
        @Mixin
        SiteOptions site;

        @Option(names = "--email", required = true, paramLabel = "EMAIL", description = "the sign-in email")
        String email;

        @Option(names = "--name", required = true, paramLabel = "NAME", description = "the name shown, also as byline")
        String name;

        @Option(names = "--role", required = true, paramLabel = "ROLE", description = "admin, editor, author or moderator")
        String role;

        @Override
        public Integer call() {
            Role r = Role.parse(role).orElse(null);
            if (r == null) return fail("--role must be admin, editor, author or moderator");
            try {
                AccountService.normalizeEmail(email);
            } catch (IllegalArgumentException e) {
                return fail(e.getMessage());
            }
            NewPassword pw;
            try {
                pw = NewPassword.read();
            } catch (IllegalArgumentException e) {
                return fail(e.getMessage());
            }
            try (Site s = Site.open(site.config(null))) {
                User u = s.accounts.add(email, name, r, pw.chars());
                System.out.println("added " + u.email() + " (" + u.role().db() + ")");
                s.audit.cli("user.add", u.email(), "role=" + u.role().db()); // --- staff ---
                pw.printIfGenerated();
                return 0;
            } catch (IllegalArgumentException e) {
                return fail(e.getMessage());
            } finally {
                pw.clear();
            }
        }
    }

    @Command(name = "passwd", mixinStandardHelpOptions = true,
            description = {"Changes an account's password, read as for 'user add', and ends its sessions."})
    static final class Passwd implements Callable<Integer> {
        @Mixin
        SiteOptions site;

        @Option(names = "--email", required = true, paramLabel = "EMAIL", description = "the account's email")
        String email;

        @Override
        public Integer call() {
            NewPassword pw;
            try {
                AccountService.normalizeEmail(email);
                pw = NewPassword.read();
            } catch (IllegalArgumentException e) {
                return fail(e.getMessage());
            }
            try (Site s = Site.open(site.config(null))) {
                if (!s.accounts.setPassword(email, pw.chars())) return fail("there is no user with the email " + email);
                System.out.println("password changed for " + email.strip().toLowerCase(java.util.Locale.ROOT));
                s.audit.cli("user.passwd", email.strip().toLowerCase(java.util.Locale.ROOT), ""); // --- staff ---
                pw.printIfGenerated();
                return 0;
            } catch (IllegalArgumentException e) {
                return fail(e.getMessage());
            } finally {
                pw.clear();
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the accounts: email, role, name.")
    static final class ListUsers implements Callable<Integer> {
        @Mixin
        SiteOptions site;

        @Override
        public Integer call() {
            try (Site s = Site.open(site.config(null))) {
                for (User u : s.accounts.users()) {
                    System.out.println(u.email() + "\t" + u.role().db() + "\t" + u.name() + (u.disabled() ? "\tdisabled" : ""));
                }
            }
            return 0;
        }
    }

    static int fail(String message) {
        System.err.println("testata: " + message);
        return 2;
    }

    /** A password read from standard input, or generated when it is empty. */
    record NewPassword(char[] chars, boolean generated) {
        static NewPassword read() {
            Console console = System.console();
            if (terminal(console)) {
                char[] first = console.readPassword("Password: ");
                char[] second = console.readPassword("Password again: ");
                if (first == null || second == null) throw new IllegalArgumentException("no password given");
                if (!Arrays.equals(first, second)) throw new IllegalArgumentException("the two passwords differ");
                Arrays.fill(second, ' ');
                if (first.length == 0) return generate();
                return new NewPassword(first, false);
            }
            List<String> lines = new ArrayList<>();
            try {
                BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                for (String line; lines.size() < 2 && (line = in.readLine()) != null; ) lines.add(line);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read the password: " + e.getMessage());
            }
            if (lines.isEmpty() || (lines.size() == 1 && lines.getFirst().isEmpty())) return generate();
            if (lines.size() < 2) throw new IllegalArgumentException("give the password twice, on two lines");
            if (!lines.get(0).equals(lines.get(1))) throw new IllegalArgumentException("the two passwords differ");
            return new NewPassword(lines.get(0).toCharArray(), false);
        }

        static NewPassword generate() {
            return new NewPassword(Passwords.generate(20).toCharArray(), true);
        }

        /** A generated password is shown once, here; it is not kept anywhere but as its hash. */
        void printIfGenerated() {
            if (generated) System.out.println("password: " + new String(chars));
        }

        void clear() {
            Arrays.fill(chars, ' ');
        }

        /** A console attached to a terminal (on JDK 22 and later a console also exists for redirected streams). */
        private static boolean terminal(Console console) {
            if (console == null) return false;
            try {
                return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
            } catch (ReflectiveOperationException e) {
                return true; // JDK 21: a console only exists on a terminal
            }
        }
    }
}
