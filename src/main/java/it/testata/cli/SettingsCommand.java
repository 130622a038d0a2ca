package it.testata.cli;

import it.testata.Site;
import it.testata.settings.SettingsRules;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "settings", mixinStandardHelpOptions = true,
        description = {"Shows the site's settings, or changes them: ./testata settings locale=en timezone=Europe/London",
                "Running servers follow the change within a second."})
public final class SettingsCommand implements Callable<Integer> {
    @Mixin
    SiteOptions site;

    @Parameters(paramLabel = "NAME=VALUE", arity = "0..*", description = "Settings to change.")
    List<String> assignments = List.of();

    @Override
    public Integer call() {
        Map<String, String> values = new LinkedHashMap<>();
        for (String a : assignments) {
            int eq = a.indexOf('=');
            if (eq <= 0) {
                System.err.println("testata: '" + a + "' is not NAME=VALUE");
                return 2;
            }
            String name = a.substring(0, eq).strip();
            String value = a.substring(eq + 1).strip();
            Optional<String> problem = SettingsRules.check(name, value);
            if (problem.isPresent()) {
                System.err.println("testata: " + problem.get());
                return 2;
            }
            values.put(name, value);
        }
        try (Site s = Site.open(site.config(null))) {
            if (!values.isEmpty()) s.settings.update(values);
            if (!values.isEmpty()) s.audit.cli("settings", "", String.join(" ", values.keySet())); // --- staff ---
            s.settings.rows().forEach((k, v) -> System.out.println(k + "=" + v));
        }
        return 0;
    }
}
