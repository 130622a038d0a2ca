package it.testata.cli;

import it.testata.spam.Labelled;
import it.testata.spam.LabelledFile;
import it.testata.spam.SpamEvaluation;
import it.testata.spam.SpamModel;
import it.testata.spam.StarterModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** Builds the starter spam model from labelled corpora (scripts/build-spam-starter.sh runs it). */
@Command(name = "spam-starter", mixinStandardHelpOptions = true,
        description = {"Trains a spam model from labelled files (spam|ham<TAB>author<TAB>text) and writes it as the",
                "starter model a new site begins with (src/main/resources" + StarterModel.RESOURCE + ")."})
public final class SpamStarterCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "where to write the model")
    Path out;

    @Option(names = "--min-count", paramLabel = "N", description = "keep features seen in at least N comments (default 3)")
    int minCount = 3;

    @Option(names = "--seed", paramLabel = "N", description = "seed of the training order (default 1)")
    long seed = 1;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "labelled corpora")
    List<Path> corpora = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (minCount < 1) {
            err.println("testata: spam-starter: --min-count must be at least 1");
            err.flush();
            return 2;
        }
        try {
            List<Labelled> all = new ArrayList<>();
            for (Path p : corpora) all.addAll(LabelledFile.read(p));
            SpamModel model = SpamEvaluation.trainStarter(all, seed);
            it.testata.spam.FormLayer form = SpamEvaluation.fitForm(all);
            Path tmp = Files.createTempFile(out.toAbsolutePath().getParent(), "starter", ".tmp");
            int kept;
            try (OutputStream o = Files.newOutputStream(tmp)) {
                kept = StarterModel.write(model, form, minCount, o);
            }
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            spec.commandLine().getOut().printf("wrote %s: %d comments learned, %d of %d features kept (seen in >= %d), %d bytes%n",
                    out, all.size(), kept, model.weights().size(), minCount, Files.size(out));
            StringBuilder weights = new StringBuilder();
            form.weights().forEach((k, v) -> weights.append(String.format(java.util.Locale.ROOT, " %s=%.2f", k, v)));
            spec.commandLine().getOut().printf(java.util.Locale.ROOT, "form layer: bias=%.2f%s%n", form.bias(), weights);
            spec.commandLine().getOut().flush();
            return 0;
        } catch (LabelledFile.BadFile e) {
            err.println("testata: " + e.getMessage());
            err.flush();
            return 2;
        } catch (IOException e) {
            err.println("testata: spam-starter: cannot write " + out + ": " + e.getMessage());
            err.flush();
            return 2;
        }
    }
}
