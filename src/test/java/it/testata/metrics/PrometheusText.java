package it.testata.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A scrape parsed by Prometheus's own Python client (prometheus_client.parser, Debian's python3-prometheus-client),
 * which refuses text that is not the exposition format. The test that needs it is skipped, saying so, without it.
 */
final class PrometheusText {
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final String SCRIPT = """
            import sys, json
            from prometheus_client.parser import text_string_to_metric_families
            out = []
            for f in text_string_to_metric_families(sys.stdin.read()):
                for s in f.samples:
                    out.append({"family": f.name, "type": f.type, "name": s.name, "labels": s.labels, "value": s.value})
            print(json.dumps(out))
            """;

    record Sample(String family, String type, String name, Map<String, String> labels, double value) {}

    private PrometheusText() {}

    static void assumeParser() {
        boolean ok = false;
        try {
            ok = Files.isExecutable(PYTHON) && new ProcessBuilder(PYTHON.toString(), "-c", "import prometheus_client.parser")
                    .redirectErrorStream(true).start().waitFor() == 0;
        } catch (Exception ignored) {
            // no Python: the same message as without the module
        }
        Assumptions.assumeTrue(ok, "skipped: the Prometheus text-format parser is missing (apt-get install python3-prometheus-client)");
    }

    static List<Sample> parse(String text) throws Exception {
        Process p = new ProcessBuilder(PYTHON.toString(), "-c", SCRIPT).start();
        try (var in = p.getOutputStream()) {
            in.write(text.getBytes(StandardCharsets.UTF_8));
        }
        byte[] out = p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) throw new AssertionError("the scrape does not parse: " + err);
        List<Sample> samples = new ArrayList<>();
        for (JsonNode n : new ObjectMapper().enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS.mappedFeature()).readTree(out)) {
            Map<String, String> labels = new LinkedHashMap<>();
            n.get("labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
            samples.add(new Sample(n.get("family").asText(), n.get("type").asText(), n.get("name").asText(), labels,
                    n.get("value").asDouble()));
        }
        return samples;
    }
}
