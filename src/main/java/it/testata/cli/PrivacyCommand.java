package it.testata.cli;

import it.testata.Site;
import it.testata.privacy.PrivacyHandlers;
import it.testata.privacy.PrivacyService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/** ./testata privacy export|erase --email E: a reader's rights of access and erasure from the command line. */
@Command(name = "privacy", mixinStandardHelpOptions = true,
        description = "Exports or erases what the site keeps about an e-mail address (comments; matched ignoring case).",
        subcommands = {PrivacyCommand.Export.class, PrivacyCommand.Erase.class})
public final class PrivacyCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Writes everything kept about the address as JSON, to standard output or --out FILE.")
    static final class Export implements Callable<Integer> {
        @Mixin
        SiteOptions site;

        @Option(names = "--email", required = true, paramLabel = "EMAIL", description = "the reader's e-mail address")
        String email;

        @Option(names = "--out", paramLabel = "FILE", description = "write the JSON here instead of standard output")
        Path out;

        @Override
        public Integer call() {
            try {
                PrivacyService.normalize(email);
            } catch (IllegalArgumentException e) {
                return UserCommand.fail(e.getMessage());
            }
            try (Site s = Site.open(site.config(null))) {
                byte[] json = PrivacyHandlers.JSON.writeValueAsBytes(s.privacy.export(email, PrivacyService.Actor.CLI));
                if (out == null) {
                    System.out.write(json);
                    System.out.println();
                    System.out.flush();
                } else {
                    Files.write(out, json);
                    System.out.println("exported to " + out);
                }
                return 0;
            } catch (IOException e) {
                return UserCommand.fail("cannot write " + out + ": " + e.getMessage());
            }
        }
    }

    @Command(name = "erase", mixinStandardHelpOptions = true,
            description = {"Anonymises the address's comments: name, e-mail, website and network go; the text stays",
                    "(under \"Anonymous\") unless --delete-text, which deletes the comments."})
    static final class Erase implements Callable<Integer> {
        @Mixin
        SiteOptions site;

        @Option(names = "--email", required = true, paramLabel = "EMAIL", description = "the reader's e-mail address")
        String email;

        @Option(names = "--delete-text", description = "delete the comments too, not only who wrote them")
        boolean deleteText;

        @Override
        public Integer call() {
            try {
                PrivacyService.normalize(email);
            } catch (IllegalArgumentException e) {
                return UserCommand.fail(e.getMessage());
            }
            try (Site s = Site.open(site.config(null))) {
                Map<String, Integer> done = s.privacy.erase(email, deleteText, PrivacyService.Actor.CLI);
                done.forEach((k, v) -> System.out.println(k + ": " + v + (deleteText ? " deleted" : " anonymised")));
                return 0;
            }
        }
    }
}
