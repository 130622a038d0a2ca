package it.testata.spam;

import io.javalin.http.Context;
import it.testata.settings.SettingsService;
import it.testata.web.ClientAddress;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;

/**
 * The filter for other sites, with Akismet's calls (comment-check, submit-spam, submit-ham, verify-key) and
 * form fields, so a WordPress site pointed here needs no third-party service. Off until a key is made with
 * {@code ./testata spam akismet-key}; every call carries it as {@code api_key} (or {@code key} for verify-key).
 * Nothing is stored but the lessons of submit-spam and submit-ham; the reader's address is cut to its network
 * before the filter sees it.
 */
public final class AkismetHandlers {
    public static final String KEY_SETTING = "secret.akismet_key";

    private final SpamService spam;
    private final SettingsService settings;

    public AkismetHandlers(SpamService spam, SettingsService settings) {
        this.spam = spam;
        this.settings = settings;
    }

    /** POST /akismet/1.1/verify-key: "valid" or "invalid". */
    public void verifyKey(Context ctx) {
        String given = Optional.ofNullable(ctx.formParam("key")).orElse(ctx.formParam("api_key"));
        text(ctx, keyMatches(given) ? 200 : 403, keyMatches(given) ? "valid" : "invalid");
    }

    /** POST /akismet/1.1/comment-check: "true" for spam, "false" otherwise; blatant spam adds the discard tip. */
    public void commentCheck(Context ctx) {
        Optional<SpamInput> in = input(ctx);
        if (in.isEmpty()) return;
        SpamService.Assessment a = spam.assess(in.get(), settings.current().spam());
        ctx.header("X-Testata-Verdict", a.verdict().db());
        ctx.header("X-Testata-Score", String.format(java.util.Locale.ROOT, "%.4f", a.score()));
        ctx.header("X-Testata-Reasons", String.join("; ", a.lines()).replaceAll("[\\r\\n]", " "));
        if (a.verdict() == Verdict.DISCARD) ctx.header("X-akismet-pro-tip", "discard");
        text(ctx, 200, a.verdict().blocks() ? "true" : "false");
    }

    /** POST /akismet/1.1/submit-spam: the filter learns the comment as spam. */
    public void submitSpam(Context ctx) {
        submit(ctx, true);
    }

    /** POST /akismet/1.1/submit-ham: the filter learns the comment as ham. */
    public void submitHam(Context ctx) {
        submit(ctx, false);
    }

    private void submit(Context ctx, boolean isSpam) {
        Optional<SpamInput> in = input(ctx);
        if (in.isEmpty()) return;
        spam.teach(List.of(in.get()), isSpam);
        text(ctx, 200, "Thanks for making the web a better place.");
    }

    /** The comment from the form, or empty after answering 403 (key) or 400 (a missing field). */
    private Optional<SpamInput> input(Context ctx) {
        if (!keyMatches(ctx.formParam("api_key"))) {
            ctx.header("X-akismet-debug-help", "The api_key is missing or not this site's key (./testata spam akismet-key).");
            text(ctx, 403, "invalid");
            return Optional.empty();
        }
        for (String required : List.of("blog", "user_ip")) {
            String v = ctx.formParam(required);
            if (v == null || v.isBlank()) {
                ctx.header("X-akismet-debug-help", "Missing required field: " + required + ".");
                text(ctx, 400, "Missing required field: " + required + ".");
                return Optional.empty();
            }
        }
        return Optional.of(new SpamInput(ctx.formParam("comment_author"), ctx.formParam("comment_author_email"),
                ctx.formParam("comment_author_url"), ctx.formParam("comment_content"),
                ClientAddress.truncate(ctx.formParam("user_ip")),
                // Akismet's comment_context[]: words describing the post (its tags, categories), for relevance
                String.join(" ", ctx.formParams("comment_context[]"))));
    }

    private boolean keyMatches(String given) {
        String key = settings.secret(KEY_SETTING).orElse(null);
        if (key == null || given == null) return false;
        return MessageDigest.isEqual(key.getBytes(StandardCharsets.UTF_8), given.strip().getBytes(StandardCharsets.UTF_8));
    }

    private static void text(Context ctx, int status, String body) {
        ctx.header("Cache-Control", "no-store");
        ctx.status(status).contentType("text/plain; charset=utf-8").result(body);
    }
}
