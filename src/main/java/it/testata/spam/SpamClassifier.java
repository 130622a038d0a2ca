package it.testata.spam;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The statistical layer: the site's own model, learned from its moderators from nothing, plus the starter model
 * (public corpora) as a prior that fades as the site's moderators teach it: p = sigmoid(fade * starter + site), with
 * fade = PRIOR / (PRIOR + comments the site has learned). A new site filters from its first comment; after a few
 * hundred judged comments the site's own statistics decide.
 */
public record SpamClassifier(StarterModel starter, SpamModel site) {
    /** How many of the site's judged comments weigh as much as the whole starter. */
    public static final double PRIOR = 100;

    /** The two parts of a score, for the reasons a moderator reads. */
    public record Score(double p, double starterMargin, double siteMargin, double fade) {}

    public double score(Features f) {
        return explain(f).p();
    }

    public Score explain(Features f) {
        return explain(f, 0);
    }

    /**
     * The probability with the {@link SpamPatterns}' log-odds and the starter's {@link FormLayer} log-odds added after
     * the mix (they neither fade nor learn); with a pitch sign, the site's model (words and the rest) lowers it by
     * {@link #PITCH_WORD_CAP} at most.
     */
    public double score(Features f, Signals s) {
        double extra = s.patterns().logOdds() + form(f, s);
        if (PITCH_WORD_CAP < 0 || !s.strong()) return explain(f, extra).p();
        // with a pitch sign, what the site's own model says for the comment may not clear it by more than the cap
        SpamModel.Parts parts = site.parts(f);
        double siteMargin = PITCH_CAP_WORDS ? parts.other() + Math.max(-PITCH_WORD_CAP, parts.words())
                : Math.max(-PITCH_WORD_CAP, Math.min(0, parts.other()) + Math.min(0, parts.words()))
                        + Math.max(0, parts.other()) + Math.max(0, parts.words());
        double fade = starter == null ? 0 : fade(site.spamLearned() + site.hamLearned());
        return SpamModel.sigmoid((starter == null ? 0 : fade * starter.margin(f)) + siteMargin + extra);
    }

    /**
     * With a pitch sign ({@link Signals#strong}: a link, a contact, a solicitation, a pattern), the most the site's own
     * model (its words; since spam5 also the rest, {@link #PITCH_CAP_WORDS}) may lower the log-odds: a topic the
     * site's readers share does not clear a comment that pitches (as a topic alone does not send one to Spam,
     * {@link SpamGate}). Chosen before measuring, as the patterns' weights
     * were (docs/SPAM.md, "After spam4"); -Dtestata.spam.pitch_wordcap=-1 turns it off (spam-eval ablation only).
     */
    static final double PITCH_WORD_CAP = Double.parseDouble(System.getProperty("testata.spam.pitch_wordcap", "3"));

    /**
     * Measurement switch (spam-eval ablation only, -Dtestata.spam.pitch_cap=words): the cap holds only for the site's
     * words, as in spam4; as shipped it holds for all that lowers the score in the site's model (its words, and its
     * shapes, symbols, lengths and bias learned from its own comments).
     */
    static final boolean PITCH_CAP_WORDS = "words".equals(System.getProperty("testata.spam.pitch_cap"));

    /** What the starter's form layer adds to the log-odds (0 without one). */
    public double form(Features f, Signals s) {
        FormLayer layer = starter == null ? null : starter.form();
        if (layer == null) return 0;
        double z = FormLayer.WEIGHT * layer.margin(f, s);
        if (s.strong() || FormLayer.WHEN.equals("always")) return z;
        return FormLayer.WHEN.equals("evidence") ? 0 : Math.min(0, z);
    }

    /**
     * The most a trained site's own words may move the log-odds when they are all that would block a comment
     * ({@link SpamGate}: "words-only"). Measurement switch -Dtestata.spam.site_wordcap=C (spam-eval ablation only).
     */
    static final double SITE_WORD_CAP = Double.parseDouble(System.getProperty("testata.spam.site_wordcap", "2"));

    /**
     * The probability with the site's own plain words capped at {@link #SITE_WORD_CAP} (the starter's are capped
     * already): what the comment scores without its topic carrying it.
     */
    public double scoreWordsCapped(Features f, Signals s) {
        SpamModel.Parts parts = site.parts(f);
        double siteMargin = parts.other() + Math.max(-SITE_WORD_CAP, Math.min(SITE_WORD_CAP, parts.words()));
        double extra = s.patterns().logOdds() + form(f, s);
        if (starter == null) return SpamModel.sigmoid(siteMargin + extra);
        double fade = fade(site.spamLearned() + site.hamLearned());
        return SpamModel.sigmoid(fade * starter.margin(f) + siteMargin + extra);
    }

    /** The form layer's own probability of spam, or -1 without a layer. */
    public double formProbability(Features f, Signals s) {
        FormLayer layer = starter == null ? null : starter.form();
        return layer == null || FormLayer.WEIGHT == 0 ? -1 : layer.probability(f, s);
    }

    public Score explain(Features f, double patterns) {
        double siteMargin = site.margin(f);
        if (starter == null) return new Score(SpamModel.sigmoid(siteMargin + patterns), 0, siteMargin, 0);
        double fade = fade(site.spamLearned() + site.hamLearned());
        double starterMargin = starter.margin(f);
        return new Score(SpamModel.sigmoid(fade * starterMargin + siteMargin + patterns), starterMargin, siteMargin, fade);
    }

    /**
     * The readable features that pushed this comment most towards spam (words, the author's name, linked
     * domains, the website and the e-mail domain; not n-grams or shapes), for the reason a moderator reads.
     */
    public List<String> leaning(Features f, int n) {
        double x = f.size() == 0 ? 0 : 1 / Math.sqrt(f.size());
        double fade = starter == null ? 0 : fade(site.spamLearned() + site.hamLearned());
        List<Map.Entry<String, Double>> pushes = new ArrayList<>();
        for (String name : f.names()) {
            if (!readable(name)) continue;
            double push = 0;
            double xi = SpamModel.input(name, x);
            double[] w = site.rowOf(name);
            if (w != null) push += contribution(w, xi, site.spamLearned(), site.hamLearned());
            if (starter != null && (w = starter.row(name)) != null) {
                push += fade * contribution(w, xi, starter.spamLearned, starter.hamLearned);
            }
            if (push > 0) pushes.add(Map.entry(name, push));
        }
        pushes.sort(Map.Entry.<String, Double>comparingByValue().reversed());
        return pushes.stream().limit(n).map(Map.Entry::getKey).toList();
    }

    private static double contribution(double[] w, double x, long spam, long ham) {
        double s = spam + 2 * SpamModel.ALPHA, h = ham + 2 * SpamModel.ALPHA;
        double nb = w[2] + w[3] > 0 ? Math.log((w[2] + SpamModel.ALPHA) / s) - Math.log((w[3] + SpamModel.ALPHA) / h) : 0;
        return w[0] * x + SpamModel.NB * nb * x;
    }

    private static boolean readable(String name) {
        int colon = name.indexOf(':');
        if (colon < 0) return true;
        String ns = name.substring(0, colon);
        return ns.equals("a") || ns.equals("url") || ns.equals("link") || ns.equals("site") || ns.equals("mail");
    }

    static double fade(long learned) {
        return PRIOR / (PRIOR + learned);
    }
}
