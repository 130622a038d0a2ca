package it.testata.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The Nu Html Checker (vnu.jar from .cache/validators, offline) over pages a test fetched. */
public final class NuChecker {
    public static final Path VNU = Path.of(".cache", "validators", "node_modules", "vnu-jar", "build", "dist", "vnu.jar");

    private NuChecker() {}

    /**
     * The Nu Html Checker's errors for these pages (name to HTML), each named; skips the calling test with a message
     * when the checker is not installed.
     */
    public static List<String> errors(Map<String, String> bodies) throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(VNU),
                "Nu Html Checker skipped: no " + VNU + " (run scripts/fetch-validators.sh; it needs npm and the registry)");
        Path dir = Files.createTempDirectory("testata-vnu-");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", VNU.toString(), "--errors-only", "--format", "json", "--stdout"));
        Map<String, String> nameByFile = new LinkedHashMap<>();
        int i = 0;
        for (var page : bodies.entrySet()) {
            Path f = dir.resolve("page-" + (i++) + ".html");
            Files.writeString(f, page.getValue(), StandardCharsets.UTF_8);
            cmd.add(f.toString());
            nameByFile.put(f.getFileName().toString(), page.getKey());
        }
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        List<String> errors = new ArrayList<>();
        for (JsonNode m : new ObjectMapper().readTree(out).path("messages")) {
            if (!"error".equals(m.path("type").asText()) && !"non-document-error".equals(m.path("type").asText())) continue;
            String url = m.path("url").asText();
            String file = url.substring(url.lastIndexOf('/') + 1);
            errors.add(nameByFile.getOrDefault(file, url) + " line " + m.path("lastLine").asText() + ": " + m.path("message").asText()
                    + " [" + m.path("extract").asText().strip() + "]");
        }
        deleteAll(dir);
        return errors;
    }

    private static void deleteAll(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
