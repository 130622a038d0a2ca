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

    // --- ops: logs, and a backup before migrations when backup.before_upgrade is on ---
    @Option(names = "--access-log", description = "Log one line per request (method, path, status, time, the reader's network).")
    boolean accessLog;

    @Option(names = "--log-format", paramLabel = "text|json", description = "Plain lines (default) or one JSON object a line.")
    String logFormat = "text";

    @Option(names = "--log-file", paramLabel = "FILE", description = "Log to this file, rotated daily and at 50 MB (default: standard output).")
    java.nio.file.Path logFile;

    @Override
    public Integer call() throws Exception {
        if (!logFormat.equals("text") && !logFormat.equals("json")) {
            System.err.println("testata: --log-format must be text or json");
            return 2;
        }
        it.testata.logs.Logging.configure(logFormat.equals("json") ? it.testata.logs.Logging.Format.JSON
                : it.testata.logs.Logging.Format.TEXT, logFile);
        it.testata.backup.UpgradeBackup.ifDue(site.config(port));
        Site s = Site.open(site.config(port)).withAccessLog(accessLog);
        if (!noDemo) s.seedFullDemoIfEmpty();
        s.serve();
        Runtime.getRuntime().addShutdownHook(new Thread(s::close, "shutdown"));
        String serving = "Testata is serving " + s.settings.current().siteName() + " at http://localhost:" + s.port() + "/"
                + "  (data: " + (s.config.databaseUrl() != null ? s.config.databaseUrl() : s.config.dataDir()) + ")";
        if (logFormat.equals("json")) org.slf4j.LoggerFactory.getLogger(ServeCommand.class).info(serving); // JSON lines only
        else System.out.println(serving);
        return 0;
    }
}
