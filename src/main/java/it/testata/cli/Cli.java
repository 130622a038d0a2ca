package it.testata.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The ./testata command line. */
@Command(name = "testata", mixinStandardHelpOptions = true, version = "Testata 0.1.0",
        description = "A self-hosted publishing platform for independent news and opinion sites.",
        subcommands = {ServeCommand.class, ImportMarkdownCommand.class, ImportWxrCommand.class, ExportWxrCommand.class,
                SettingsCommand.class, CommentsCommand.class, SpamEvalCommand.class, SpamStarterCommand.class, SpamCommand.class,
                ReindexCommand.class, UserCommand.class, TokenCommand.class,
                PrivacyCommand.class, // --- staff ---
                MailCommand.class, /* --- mail --- */
                BackupCommand.class, RestoreCommand.class}, // --- ops ---
        footer = {"", "  test             Runs the whole test suite (handled by the ./testata launcher).",
                "", "Every command that touches a site reads --data DIR (default ./data) and the environment:",
                "  TESTATA_DATA, TESTATA_DATABASE_URL (jdbc:postgresql://... selects PostgreSQL),",
                "  TESTATA_DATABASE_USER, TESTATA_DATABASE_PASSWORD."})
public final class Cli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Cli());
        // Bad input is a usage error: exit code 2, a message on stderr.
        cl.setParameterExceptionHandler((ex, args) -> {
            cl.getErr().println("testata: " + ex.getMessage());
            ex.getCommandLine().usage(cl.getErr());
            return 2;
        });
        // A malformed setting in the environment is a usage error too, said in one line.
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            for (Throwable t = ex; t != null; t = t.getCause()) {
                if (t instanceof it.testata.Config.BadEnvironment bad) {
                    cl.getErr().println("testata: " + bad.getMessage());
                    return 2;
                }
            }
            throw ex;
        });
        return cl;
    }

    /** serve keeps the JVM running after its call returns. */
    public static boolean keepsRunning(String[] args) {
        return args.length > 0 && args[0].equals("serve");
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
