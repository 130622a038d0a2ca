package it.testata.support;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import it.testata.Site;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real SMTP server in the test's JVM (GreenMail) on a free loopback port that stays the same across
 * {@link #stop()} and {@link #start()}, so a test can take the relay down and bring it back.
 */
public final class MailServer implements AutoCloseable {
    public final int port;
    private final String user;
    private final String password;
    private GreenMail green;

    private MailServer(int port, String user, String password) {
        this.port = port;
        this.user = user;
        this.password = password;
    }

    public static MailServer started() {
        return withAccount(null, null);
    }

    /** A server that wants this user and password (AUTH), to test the relay's refusals. */
    public static MailServer withAccount(String user, String password) {
        MailServer s = new MailServer(freePort(), user, password);
        s.start();
        return s;
    }

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public synchronized void start() {
        green = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        if (user != null) green.withConfiguration(GreenMailConfiguration.aConfig().withUser(user, password));
        green.start();
        long end = System.nanoTime() + 10_000_000_000L;
        while (true) { // listening and answering before the test goes on
            try (java.net.Socket probe = new java.net.Socket("127.0.0.1", port)) {
                probe.setSoTimeout(2000);
                if (probe.getInputStream().read() >= 0) return;
            } catch (IOException e) {
                if (System.nanoTime() > end) throw new IllegalStateException("the test SMTP server did not start", e);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    public synchronized void stop() {
        if (green != null) green.stop();
        green = null;
    }

    /** Points the site's mail settings at this server, with this rate (0: no limit). */
    public void configure(Site site, int ratePerMinute) {
        site.settings.update(Map.of("mail.from", "redazione@testata.test", "mail.smtp_host", "127.0.0.1",
                "mail.smtp_port", String.valueOf(port), "mail.smtp_security", "none",
                "mail.rate_per_minute", String.valueOf(ratePerMinute), "contact.to", "desk@testata.test"));
    }

    public synchronized List<MimeMessage> received() {
        return green == null ? List.of() : Arrays.asList(green.getReceivedMessages());
    }

    /** Waits until at least n messages arrived; returns them all. */
    public List<MimeMessage> await(int n, Duration within) {
        long end = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < end) {
            List<MimeMessage> got = received();
            if (got.size() >= n) return got;
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("expected " + n + " messages within " + within + ", got " + received().size());
    }

    /** The messages to this address. */
    public List<MimeMessage> to(String address) {
        return received().stream().filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equalsIgnoreCase(address));
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).toList();
    }

    /** The plain-text part of a multipart/alternative message. */
    public static String text(MimeMessage m) {
        return part(m, "text/plain");
    }

    public static String html(MimeMessage m) {
        return part(m, "text/html");
    }

    private static String part(MimeMessage m, String type) {
        try {
            var mp = (jakarta.mail.internet.MimeMultipart) m.getContent();
            for (int i = 0; i < mp.getCount(); i++) {
                if (mp.getBodyPart(i).isMimeType(type)) return (String) mp.getBodyPart(i).getContent();
            }
            throw new AssertionError("no " + type + " part");
        } catch (IOException | jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first link in the text body that starts with this prefix (as a reader would click it). */
    public static String link(MimeMessage m, String prefix) {
        Matcher x = Pattern.compile(Pattern.quote(prefix) + "\\S*").matcher(text(m));
        if (!x.find()) throw new AssertionError("no link starting " + prefix + " in:\n" + text(m));
        return x.group();
    }

    // --- staffmail ---
    /** Waits until this address got at least n messages (20 s at most); returns them all. */
    public List<MimeMessage> awaitTo(String address, int n) {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (to(address).size() < n) {
            if (System.nanoTime() > end) throw new AssertionError(address + " got " + to(address).size() + " messages, expected " + n);
            pause();
        }
        return to(address);
    }

    /** Waits until the site's outbox holds nothing queued, so that counts of received messages are final. */
    public static void drained(Site site) {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (site.mail.outbox().counts().get("queued") > 0) {
            if (System.nanoTime() > end) throw new AssertionError("the outbox did not empty");
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
    // --- end staffmail ---

    @Override
    public void close() {
        stop();
    }
}
