package it.testata.spam;

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
        double siteMargin = site.margin(f);
        if (starter == null) return new Score(SpamModel.sigmoid(siteMargin), 0, siteMargin, 0);
        double fade = fade(site.spamLearned() + site.hamLearned());
        double starterMargin = starter.margin(f);
        return new Score(SpamModel.sigmoid(fade * starterMargin + siteMargin), starterMargin, siteMargin, fade);
    }

    static double fade(long learned) {
        return PRIOR / (PRIOR + learned);
    }
}
