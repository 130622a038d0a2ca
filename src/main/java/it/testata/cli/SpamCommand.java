package it.testata.cli;

import it.testata.Site;
import it.testata.spam.AkismetHandlers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.Callable;

/** The spam filter's own settings that are not plain values: the key of the Akismet-compatible calls. */
@Command(name = "spam", mixinStandardHelpOptions = true,
        description = "The spam filter: the key other sites use for its Akismet-compatible calls.",
        subcommands = {SpamCommand.AkismetKey.class})
public final class SpamCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "akismet-key", mixinStandardHelpOptions = true,
            description = {"Makes a new key for /akismet/1.1/* (comment-check, submit-spam, submit-ham, verify-key) and",
                    "prints it once; the previous key stops working. --off turns the calls off."})
    static final class AkismetKey implements Callable<Integer> {
        @Mixin
        SiteOptions site;

        @Option(names = "--off", description = "remove the key: the calls answer 403")
        boolean off;

        @Override
        public Integer call() {
            try (Site s = Site.open(site.config(null))) {
                if (off) {
                    s.settings.putSecret(AkismetHandlers.KEY_SETTING, "");
                    System.out.println("the Akismet-compatible calls are off");
                    return 0;
                }
                byte[] key = new byte[16];
                new SecureRandom().nextBytes(key);
                String hex = HexFormat.of().formatHex(key);
                s.settings.putSecret(AkismetHandlers.KEY_SETTING, hex);
                System.out.println(hex);
            }
            return 0;
        }
    }
}
