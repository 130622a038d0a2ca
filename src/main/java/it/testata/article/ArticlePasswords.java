package it.testata.article;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import it.testata.account.AccountService;
import it.testata.web.ClientAddress;
import it.testata.web.Signer;
import org.jdbi.v3.core.Jdbi;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Password-protected articles (WordPress's post password). The password is kept as typed (WordPress does the same:
 * the editor shows it, the export writes it back); a reader who types it gets a signed cookie for that article,
 * bound to the password, so changing the password locks everyone out again. Wrong passwords are throttled like
 * sign-ins: after {@link AccountService#MAX_FAILURES} within {@link AccountService#WINDOW} for one article from one
 * network, that network is refused for {@link AccountService#LOCK}, the right password included (table
 * article_password_failures, so every server agrees).
 */
public final class ArticlePasswords {
    public static final String COOKIE_PREFIX = "testata_unlock_";
    private static final Duration COOKIE_LIFETIME = Duration.ofDays(10);

    private final Jdbi jdbi;
    private final Signer signer;
    private final Supplier<String> baseUrl;

    public ArticlePasswords(Jdbi jdbi, Signer signer, Supplier<String> baseUrl) {
        this.jdbi = jdbi;
        this.signer = signer;
        this.baseUrl = baseUrl;
    }

    /** What typing a password gave. */
    public sealed interface Attempt {
        record Unlocked() implements Attempt {}
        record Wrong() implements Attempt {}
        record Throttled(Instant until) implements Attempt {}
    }

    /** True when the article is not protected, or this reader holds a valid cookie for its current password. */
    public boolean unlocked(Context ctx, Article a) {
        if (!a.isProtected()) return true;
        return signer.verify(purpose(a), ctx.cookie(COOKIE_PREFIX + a.id())).filter(v -> v.equals(fingerprint(a))).isPresent();
    }

    /** A request holding any unlock cookie is owed pages of its own: never answered from the shared cache. */
    public static boolean personal(Context ctx) {
        for (String name : ctx.cookieMap().keySet()) {
            if (name.startsWith(COOKIE_PREFIX)) return true;
        }
        return false;
    }

    /** Checks a typed password for a protected article; on success sets the reader's cookie for it. */
    public Attempt attempt(Context ctx, Article a, String typed, Instant now) {
        String net = ClientAddress.network(ctx);
        Optional<Instant> locked = AccountService.lockedUntil(failures(a.id(), net, now), now);
        if (locked.isPresent()) return new Attempt.Throttled(locked.get());
        byte[] given = (typed == null ? "" : typed).getBytes(StandardCharsets.UTF_8);
        if (a.isProtected() && MessageDigest.isEqual(a.password().getBytes(StandardCharsets.UTF_8), given)) {
            String base = baseUrl.get();
            boolean secure = ClientAddress.https(ctx) || (base != null && base.startsWith("https:"));
            ctx.cookie(new Cookie(COOKIE_PREFIX + a.id(), signer.sign(purpose(a), fingerprint(a)), "/",
                    (int) COOKIE_LIFETIME.toSeconds(), secure, true, null, SameSite.LAX));
            return new Attempt.Unlocked();
        }
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO article_password_failures (article_id, ip_net, created_at) VALUES (:a, :net, :at)""")
                .bind("a", a.id()).bind("net", net).bind("at", now.toEpochMilli()).execute());
        return AccountService.lockedUntil(failures(a.id(), net, now), now).<Attempt>map(Attempt.Throttled::new)
                .orElseGet(Attempt.Wrong::new);
    }

    private List<Long> failures(long articleId, String net, Instant now) {
        Instant since = now.minus(AccountService.WINDOW).minus(AccountService.LOCK);
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT created_at FROM article_password_failures
                        WHERE article_id = :a AND ip_net = :net AND created_at > :since ORDER BY created_at""")
                .bind("a", articleId).bind("net", net).bind("since", since.toEpochMilli()).mapTo(Long.class).list());
    }

    private static String purpose(Article a) {
        return "article-unlock:" + a.id();
    }

    /** Ties a cookie to the article's current password without putting the password in it. */
    private static String fingerprint(Article a) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest((a.id() + "\u0000" + a.password()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
