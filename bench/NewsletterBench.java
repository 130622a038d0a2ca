import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import it.testata.Config;
import it.testata.Site;
import it.testata.article.ArticleDraft;
import it.testata.article.Status;
import it.testata.newsletter.NewsletterService;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The newsletter's figures (run by bench/newsletter.sh): N confirmed subscribers (default 10,000) on a fresh SQLite
 * site, then: the time to publish an article that is not sent (the reference, same run) and one that is (its N
 * copies queued in the publishing transaction), the sending rate into an in-process GreenMail with the rate limit
 * off, and the heap used after queueing and the process's peak resident memory.
 */
public class NewsletterBench {
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Path dir = Files.createTempDirectory("testata-bench-newsletter");
        int smtpPort;
        try (var s = new java.net.ServerSocket(0)) {
            smtpPort = s.getLocalPort();
        }
        GreenMail green = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        green.start();
        try (Site site = Site.open(new Config(dir, null, null, null, 0, "127.0.0.1"))) {
            site.settings.update(Map.of("mail.from", "redazione@bench.test", "mail.smtp_host", "127.0.0.1",
                    "mail.smtp_port", String.valueOf(smtpPort), "mail.rate_per_minute", "0", "base_url", "https://bench.test"));
            List<String> lines = new ArrayList<>(n);
            for (int i = 0; i < n; i++) lines.add("lettore" + i + "@bench.test,Lettore " + i);
            long t0 = System.nanoTime();
            site.newsletter.importLines(lines, true, "198.51.100.0");
            System.out.printf("import of %d confirmed subscribers: %.2f s%n", n, (System.nanoTime() - t0) / 1e9);
            double reference = publish(site, "riferimento", false);
            double queued = publish(site, "edizione", true);
            System.gc();
            long heap = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
            System.out.printf("publish without sending (reference): %.3f s%n", reference);
            System.out.printf("publish with %d copies queued: %.3f s (%.1fx the reference); heap used after GC: %d MB%n",
                    site.mail.outbox().counts().get("queued"), queued, queued / reference, heap >> 20);
            long start = System.nanoTime();
            site.serve();
            while (site.mail.outbox().counts().get("queued") > 0) Thread.sleep(200);
            double secs = (System.nanoTime() - start) / 1e9;
            int got = green.getReceivedMessages().length;
            System.out.printf("sent %d into GreenMail in %.1f s: %.0f messages a second (rate limit off)%n", got, secs, got / secs);
        } finally {
            green.stop();
        }
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM")) System.out.println("peak resident memory of this JVM (GreenMail included): " + line.substring(6).strip());
        }
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static double publish(Site site, String slug, boolean send) {
        long t = System.nanoTime();
        NewsletterService.withChoice(send, () -> site.articles.create(new ArticleDraft(slug, "Titolo " + slug, "Sommario.",
                "Testo dell'articolo.", Status.PUBLISHED, Instant.now().minusSeconds(1), "Redazione", null, List.of()), null));
        return (System.nanoTime() - t) / 1e9;
    }
}
