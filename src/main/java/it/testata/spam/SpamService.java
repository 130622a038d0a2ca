package it.testata.spam;

import it.testata.settings.SpamSettings;
import org.jdbi.v3.core.Handle;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The spam filter: rules, then the classifier (the site's own model with the shipped starter as a fading
 * prior), each giving reasons; and the lessons moderators teach it. The site's model lives in the database, so
 * every server shares it and it survives restarts; each server keeps a copy in memory and reads the lessons it has
 * not seen (by version) before it judges a comment.
 */
public final class SpamService {
    /** A comment repeating one from the last 30 days (same article, or same e-mail or network) is a duplicate. */
    public static final Duration DUPLICATE_WINDOW = Duration.ofDays(30);

    /** The filter's judgment of a comment: the gravest verdict of its reasons, and the classifier's probability. */
    public record Assessment(Verdict verdict, double score, List<Reason> reasons) {
        public Assessment {
            reasons = List.copyOf(reasons);
        }

        /** The same judgment with one more reason. */
        public Assessment with(Reason r) {
            List<Reason> more = new ArrayList<>(reasons);
            more.add(r);
            return new Assessment(verdict.worst(r.verdict()), score, more);
        }

        public List<String> lines() {
            return reasons.stream().map(Reason::text).toList();
        }
    }

    private final SpamStore store;
    private final StarterModel starter;
    private final SpamModel site = new SpamModel(new ConcurrentHashMap<>(), 0, 0, 0, 0);
    private volatile long loaded = -1;

    public SpamService(SpamStore store, StarterModel starter) {
        this.store = store;
        this.starter = starter;
    }

    /** Reads the lessons taught since this server last looked (by any server). */
    public void refresh() {
        store.jdbi().useHandle(h -> {
            SpamStore.Totals t = SpamStore.totals(h);
            if (t.version() == loaded) return;
            synchronized (this) {
                if (t.version() == loaded) return;
                Map<String, double[]> rows = SpamStore.changedSince(h, Math.max(loaded, -1));
                for (Map.Entry<String, double[]> e : rows.entrySet()) site.put(e.getKey(), e.getValue());
                site.totals(t.bias(), t.biasG2(), t.spamLearned(), t.hamLearned());
                loaded = t.version();
            }
        });
    }

    /**
     * Rules, the commenter's history and the classifier; the duplicate check, which needs the transaction, is
     * {@link #duplicate}. The classifier's verdict goes through {@link SpamGate}: without a travelling sign of a pitch
     * it holds rather than blocks on a new site, and never blocks a comment on the article's topic. A commenter whose
     * e-mail or website this site has approved before (clearly more than sent to Spam) has the classifier's verdict
     * lowered one step (Spam to held, held to published); one clearly sent to Spam before goes to Spam.
     */
    public Assessment assess(SpamInput in, SpamSettings s) {
        refresh();
        List<Reason> reasons = new ArrayList<>(SpamRules.check(in, s));
        Features f = in.features();
        Signals signals = in.signals(f);
        Optional<Reason> history = store.jdbi().withHandle(h -> CommenterHistory.of(h, in.email(), in.url())).reason();
        history.ifPresent(reasons::add);
        boolean trusted = history.map(r -> r.code().equals("history-ham")).orElse(false);
        SpamClassifier classifier = new SpamClassifier(starter, site);
        double p = classifier.score(f, signals);
        long learned = learned();
        Verdict byScore = SpamGate.byScore(p, signals, s, learned);
        if (byScore != Verdict.APPROVE) {
            List<String> why = classifier.leaning(f, 3);
            String detail = String.format(Locale.ROOT, "%.4f", p) + (why.isEmpty() ? "" : " (" + String.join(", ", why) + ")");
            String lowered = SpamGate.lowered(byScore, signals, p, learned);
            Verdict v = SpamGate.after(byScore, lowered);
            if (trusted) v = v.blocks() ? Verdict.HOLD : Verdict.APPROVE;
            reasons.add(new Reason("classifier", detail, v));
            if ("topic-only".equals(lowered)) reasons.add(new Reason("topic-only", "", v));
            if ("no-evidence".equals(lowered)) reasons.add(new Reason("no-evidence", learned + "/" + SpamGate.TAUGHT, v));
            if ("no-discard".equals(lowered)) reasons.add(new Reason("no-discard", "", v));
            if ("words-only".equals(lowered)) reasons.add(new Reason("words-only", "", v));
            if (lowered == null && SpamGate.pitched(p, signals, s)) {
                reasons.add(new Reason("pitch", String.format(Locale.ROOT, "%.2f", SpamGate.pitchAt(s)), v));
            }
        }
        Verdict v = Verdict.APPROVE;
        for (Reason r : reasons) v = v.worst(r.verdict());
        // the signs the filter saw, for the moderator of a comment it did not simply publish
        if (v != Verdict.APPROVE && !signals.codes().isEmpty()) {
            reasons.add(new Reason("signals", String.join(",", signals.codes()), Verdict.APPROVE));
        }
        if (v != Verdict.APPROVE && signals.patterns().any()) {
            reasons.add(new Reason("patterns", String.join(",", signals.patterns().codes()), Verdict.APPROVE));
        }
        return new Assessment(v, p, reasons);
    }

    /** Comments the site's moderators have taught the model. */
    public long learned() {
        return site.spamLearned() + site.hamLearned();
    }

    /** A recent identical comment, as a reason to send this one to Spam. */
    public static Optional<Reason> duplicate(Handle h, long articleId, SpamInput in, Instant now) {
        if (in.text().strip().length() < 3) return Optional.empty();
        return SpamStore.duplicate(h, articleId, in, now.minus(DUPLICATE_WINDOW))
                .map(id -> new Reason("duplicate", "#" + id, Verdict.SPAM));
    }

    /**
     * Teaches the model one comment, inside the caller's transaction. When the comment was learned with the other
     * label before (a moderator changed their mind), its counts move instead of being added twice.
     */
    public static void learn(Handle h, SpamInput in, boolean spam, String previously) {
        String label = spam ? "spam" : "ham";
        if (label.equals(previously)) return;
        SpamStore.lock(h);
        SpamStore.Totals t = SpamStore.totals(h);
        Features f = in.features();
        SpamModel m = new SpamModel(SpamStore.features(h, f.names()), t.bias(), t.biasG2(), t.spamLearned(), t.hamLearned());
        if ((spam ? "ham" : "spam").equals(previously)) m.relearn(f, spam);
        else m.learn(f, spam);
        SpamStore.save(h, m.weights(), new SpamStore.Totals(m.bias(), m.biasG2(), m.spamLearned(), m.hamLearned(), t.version() + 1));
    }

    /**
     * Teaches the model many comments with one label inside the caller's transaction (the WordPress import teaches
     * the approved comments as ham), ten thousand at a time so that memory stays bounded. Returns how many.
     */
    private static final int CHUNK = 10_000;

    public static int learnAll(Handle h, List<SpamInput> comments, boolean spam) {
        if (comments.isEmpty()) return 0;
        SpamStore.lock(h);
        for (int from = 0; from < comments.size(); from += CHUNK) {
            List<SpamInput> chunk = comments.subList(from, Math.min(comments.size(), from + CHUNK));
            List<Features> features = chunk.stream().map(SpamInput::features).toList();
            java.util.Set<String> names = new java.util.HashSet<>();
            for (Features f : features) names.addAll(f.names());
            SpamStore.Totals t = SpamStore.totals(h);
            SpamModel m = new SpamModel(SpamStore.features(h, names), t.bias(), t.biasG2(), t.spamLearned(), t.hamLearned());
            for (Features f : features) m.learn(f, spam);
            SpamStore.save(h, m.weights(), new SpamStore.Totals(m.bias(), m.biasG2(), m.spamLearned(), m.hamLearned(), t.version() + 1));
        }
        return comments.size();
    }

    /** Teaches comments that are not stored here (another site's, through the Akismet calls) and reads the lesson. */
    public void teach(List<SpamInput> comments, boolean spam) {
        store.jdbi().useTransaction(h -> learnAll(h, comments, spam));
        refresh();
    }

    /** Counts a comment thrown away unstored (the reason only; nothing of the comment is kept). */
    public void discarded(String reason) {
        store.jdbi().useTransaction(h -> discarded(h, reason));
    }

    public static void discarded(Handle h, String reason) {
        SpamStore.countDiscard(h, LocalDate.now(ZoneOffset.UTC).toString(), reason);
    }

    public List<SpamStore.DiscardCount> discards(int days) {
        return store.discards(LocalDate.now(ZoneOffset.UTC).minusDays(days).toString());
    }
}
