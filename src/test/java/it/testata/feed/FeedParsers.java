package it.testata.feed;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import org.junit.jupiter.api.Assumptions;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Two real feed parsers: ROME (strict about the XML) and, when installed, Python's feedparser and its bozo flag. */
final class FeedParsers {
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final String SCRIPT = """
            import sys, feedparser
            d = feedparser.parse(sys.stdin.buffer.read())
            print(int(bool(d.bozo)), len(d.entries), d.get('version', ''))
            print(repr(d.get('bozo_exception', '')))
            """;
    private static Boolean feedparser;

    private FeedParsers() {}

    static SyndFeed rome(byte[] body) throws Exception {
        SyndFeedInput in = new SyndFeedInput();
        in.setAllowDoctypes(false);
        return in.build(new XmlReader(new ByteArrayInputStream(body)));
    }

    /** What feedparser says: bozo (0 when the feed is well formed), the number of entries, the format it saw. */
    record Verdict(boolean bozo, int entries, String version, String problem) {}

    static boolean feedparserAvailable() {
        if (feedparser == null) {
            feedparser = Files.isExecutable(PYTHON) && run(new byte[0], "import feedparser") != null;
        }
        return feedparser;
    }

    /** feedparser's verdict, or the calling test's part about it skipped when python3-feedparser is missing. */
    static Verdict feedparser(byte[] body) {
        Assumptions.assumeTrue(feedparserAvailable(),
                "feedparser check skipped: /usr/bin/python3 cannot import feedparser (apt-get install python3-feedparser)");
        String out = run(body, SCRIPT);
        if (out == null) throw new IllegalStateException("feedparser failed on the feed");
        String[] lines = out.split("\n", 2);
        String[] f = lines[0].trim().split(" ");
        return new Verdict("1".equals(f[0]), Integer.parseInt(f[1]), f.length > 2 ? f[2] : "", lines.length > 1 ? lines[1].trim() : "");
    }

    private static String run(byte[] stdin, String script) {
        try {
            Process p = new ProcessBuilder(PYTHON.toString(), "-c", script).redirectErrorStream(true).start();
            p.getOutputStream().write(stdin);
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) return null;
            return out;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
