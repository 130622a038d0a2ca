package it.testata.cli;

import it.testata.Config;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The options every command that touches a site shares. */
public final class SiteOptions {
    @Option(names = "--data", paramLabel = "DIR", description = "The site's data folder (default ./data, or TESTATA_DATA).")
    Path data;

    public Config config(Integer port) {
        return Config.from(data, port, System.getenv());
    }
}
