package it.testata.cli;

import it.testata.Site;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serves the site. An empty site starts with the demo publication.")
public final class ServeCommand implements Callable<Integer> {
    @Mixin
    SiteOptions site;

    @Option(names = "--port", paramLabel = "PORT", description = "The HTTP port (default 8080, or TESTATA_PORT).")
    Integer port;

    @Option(names = "--no-demo", description = "Start an empty site without the demo publication.")
    boolean noDemo;

    @Override
    public Integer call() {
        Site s = Site.open(site.config(port));
        if (!noDemo) s.seedFullDemoIfEmpty();
        s.serve();
        Runtime.getRuntime().addShutdownHook(new Thread(s::close, "shutdown"));
        System.out.println("Testata is serving " + s.settings.current().siteName() + " at http://localhost:" + s.port() + "/"
                + "  (data: " + (s.config.databaseUrl() != null ? s.config.databaseUrl() : s.config.dataDir()) + ")");
        return 0;
    }
}
