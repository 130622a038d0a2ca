package it.testata;

import it.testata.cli.Cli;
import picocli.CommandLine;

/** The entry point: every ./testata subcommand goes through here. */
public final class App {
    private App() {}

    public static void main(String[] args) {
        int code = Cli.commandLine().execute(args);
        if (code != 0 || !Cli.keepsRunning(args)) System.exit(code);
    }
}
