package it.testata;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Numbers read from the environment: a malformed one is named with what it takes, and the command exits 2. */
class ConfigEnvironmentTest {
    @Test
    void aNumberInTheEnvironmentIsReadOrNamedWithWhatItTakes() {
        assertThat(Config.number(Map.of(), "TESTATA_PAGE_CACHE_MB", 24, 1, 100, "megabytes")).isEqualTo(24);
        assertThat(Config.number(Map.of("TESTATA_PAGE_CACHE_MB", " 48 "), "TESTATA_PAGE_CACHE_MB", 24, 1, 100, "megabytes")).isEqualTo(48);
        assertThatThrownBy(() -> Config.number(Map.of("TESTATA_PAGE_CACHE_MB", "lots"), "TESTATA_PAGE_CACHE_MB", 24, 1, 100, "megabytes"))
                .isInstanceOf(Config.BadEnvironment.class).hasMessage("TESTATA_PAGE_CACHE_MB must be megabytes from 1 to 100, not 'lots'");
        assertThatThrownBy(() -> Config.number(Map.of("TESTATA_PORT", "0"), "TESTATA_PORT", 8080, 1, 65535, "a port number"))
                .isInstanceOf(Config.BadEnvironment.class).hasMessageContaining("TESTATA_PORT");
    }

    @Test
    void serveWithAMalformedSettingSaysWhichAndExitsTwoWithoutAStackTrace() throws Exception {
        Path data = Files.createTempDirectory("testata-env");
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), "it.testata.App",
                "serve", "--port", "0", "--data", data.toString());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().remove("TESTATA_DATABASE_URL");
        pb.environment().put("TESTATA_HOST", "127.0.0.1");
        pb.environment().put("TESTATA_CACHE_LAG_MS", "ten seconds");
        Process p = pb.start();
        assertThat(p.waitFor(90, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.exitValue()).as(out).isEqualTo(2);
        assertThat(out).contains("testata: TESTATA_CACHE_LAG_MS must be milliseconds from 0 to 3600000, not 'ten seconds'")
                .doesNotContain("Exception").doesNotContain("\tat ");
    }
}
