package it.testata.cli;

import it.testata.Site;
import it.testata.mail.MailService;
import it.testata.web.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** Mail from the command line: send a test message through the configured relay, show the outbox's counts. */
@Command(name = "mail", mixinStandardHelpOptions = true,
        description = "Tests the mail settings and shows the outbox.",
        subcommands = {MailCommand.Test.class, MailCommand.Status.class})
public final class MailCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "test", mixinStandardHelpOptions = true,
            description = {"Sends a test message straight to the SMTP relay of the mail.* settings.",
                    "Exits 2 with the server's answer when it is refused or the relay cannot be reached."})
    static final class Test implements Callable<Integer> {
        @Mixin
        SiteOptions site;

        @Option(names = "--to", required = true, paramLabel = "ADDRESS", description = "where to send the test message")
        String to;

        @Override
        public Integer call() {
            try (Site s = Site.open(site.config(null))) {
                MailService.TestResult r = s.mail.sendTest(to.strip(), Messages.of(s.settings.current().javaLocale()));
                if (!r.ok()) {
                    System.err.println("testata: " + r.answer());
                    return 2;
                }
                System.out.println("sent to " + to.strip() + ": " + r.answer());
                return 0;
            }
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "Counts the outbox's queued, sent and failed messages.")
    static final class Status implements Callable<Integer> {
        @Mixin
        SiteOptions site;

        @Override
        public Integer call() {
            try (Site s = Site.open(site.config(null))) {
                s.mail.outbox().counts().forEach((k, v) -> System.out.println(k + " " + v));
                return 0;
            }
        }
    }
}
