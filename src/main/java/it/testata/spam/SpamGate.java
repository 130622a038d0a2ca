package it.testata.spam;

import it.testata.settings.SpamSettings;

/**
 * When the classifier alone may send a comment to Spam. A held comment is moderation work, a comment in Spam is a
 * reader silenced, so the classifier's blocking verdict stands only with evidence that travels between sites (a
 * link, a contact or a solicitation: {@link Signals#strong}; a link only to an everyday host is none);
 * without it the comment is held. Once the site's moderators have taught the model {@link #TAUGHT} comments, its own
 * statistics may block a comment without such evidence too, but only when all but certain ({@link #WORDS_AT}), and
 * never one on the article's topic: an on-topic comment with no contact nor solicitation and at most a plain link is
 * never sent to Spam by the classifier alone. A pitch beyond a plain link ({@link Signals#pitch}) lowers the Spam
 * threshold ({@link #pitchAt}). (Rules, duplicates and the commenter's history are not the classifier: they still
 * block.)
 */
public final class SpamGate {
    private SpamGate() {}

    /**
     * Comments a site's moderators must have judged before the classifier may block without evidence. Measured:
     * docs/SPAM.md, "Calibrated verdicts".
     */
    public static final long TAUGHT = Long.getLong("testata.spam.taught", 2000);

    /**
     * How far a pitch beyond a plain link ({@link Signals#pitch}: a solicitation, a messenger or e-mail address, a
     * keyword to send back, a hidden, shortened or referral link, a pattern) lowers the Spam threshold, in log-odds:
     * from spam.spam_at 0.9 to 0.6 (never below spam.hold_at). Chosen by grouped validation on the protocols that are
     * not YouTube's (docs/SPAM.md, "After spam5"); -Dtestata.spam.pitch_lower=0 turns it off (spam-eval ablation only).
     */
    static final double PITCH_LOWER = Double.parseDouble(System.getProperty("testata.spam.pitch_lower",
            String.valueOf(logit(0.9) - logit(0.6))));

    static double logit(double p) {
        return Math.log(p / (1 - p));
    }

    /** The probability from which a comment with a pitch beyond a plain link goes to Spam. */
    public static double pitchAt(SpamSettings settings) {
        double lowered = SpamModel.sigmoid(logit(Math.min(settings.spamAt(), 0.9999)) - PITCH_LOWER);
        return Math.min(settings.spamAt(), Math.max(settings.holdAt(), lowered));
    }

    /**
     * Measurement switch (spam-eval ablation only, -Dtestata.spam.quiet=false): a new site's classifier holds a
     * comment without evidence of a pitch from spam.hold_at, as before spam3. As shipped it holds such a comment only
     * from spam.spam_at (docs/SPAM.md, "After spam3").
     */
    private static final boolean QUIET = !"false".equals(System.getProperty("testata.spam.quiet"));
    /** Measurement switch (spam-eval ablation only, -Dtestata.spam.words_block=hold|spam|discard): see {@link #lowered}. */
    private static final String WORDS_BLOCK = System.getProperty("testata.spam.words_block", "spam");

    /**
     * Measurement switch (spam-eval ablation only, -Dtestata.spam.form_gate=off|new|trained|all): where the form
     * layer's evidence ({@link FormLayer#EVIDENCE}) counts. "off" (as shipped): the form layer is never evidence;
     * "trained": on a trained site a block that only the site's words carry, without a pitch sign nor a spam-like
     * form, is held (reason "words-only"); "new": a spam-like form is evidence on a new site; "all": both. Measured in
     * docs/SPAM.md ("After spam4"): "trained" met the Instagram ham goal more closely but cost SMS its MCC goal.
     */
    private static final String FORM_GATE = System.getProperty("testata.spam.form_gate", "off");

    /** Measurement switch (-Dtestata.spam.on_topic_link=evidence): a plain link on topic is evidence again, as before spam5. */
    private static final boolean ON_TOPIC_LINK = !"evidence".equals(System.getProperty("testata.spam.on_topic_link"));
    /**
     * A plain link to an everyday host ({@link Signals#everydayLinkOnly}: Wikipedia, YouTube, a newspaper) is no
     * evidence of a pitch: readers share such links, and a model learns links from spam. On a new site since spam5
     * (-Dtestata.spam.everyday_link=evidence makes it evidence again, spam-eval ablation only); on a trained site too
     * since spam6, where the site's words then block it only from {@link #WORDS_AT}
     * (-Dtestata.spam.everyday_trained=evidence: evidence on a trained site, as before).
     */
    private static final boolean EVERYDAY_LINK = !"evidence".equals(System.getProperty("testata.spam.everyday_link"));
    private static final boolean EVERYDAY_TRAINED = !"evidence".equals(System.getProperty("testata.spam.everyday_trained"));

    /**
     * Evidence of a pitch: a travelling sign or a pattern ({@link Signals#strong}), or (when the form-gate switch says
     * so) a form the form layer finds spam-like; {@code form} is its probability, -1 without a layer.
     */
    static boolean evidence(Signals s, double form, long learned) {
        if (EVERYDAY_LINK && (learned < TAUGHT || EVERYDAY_TRAINED) && s.everydayLinkOnly()) return false;
        if (s.strong()) return true;
        boolean formCounts = learned < TAUGHT ? FORM_GATE.equals("new") || FORM_GATE.equals("all")
                : !FORM_GATE.equals("off");
        return formCounts && form >= FormLayer.EVIDENCE;
    }

    /** The classifier's verdict before the gate: {@link Verdict#of}, Spam from {@link #pitchAt} with a pitch. */
    public static Verdict byScore(double p, Signals s, SpamSettings settings) {
        Verdict v = Verdict.of(p, settings);
        if (!v.blocks() && pitched(p, s, settings)) return Verdict.SPAM;
        return v;
    }

    /** Whether the comment goes to Spam below spam.spam_at because it pitches ({@link #pitchAt}). */
    public static boolean pitched(double p, Signals s, SpamSettings settings) {
        return p < settings.spamAt() && p >= pitchAt(settings) && s.pitch();
    }

    /**
     * The classifier's verdict for a comment without evidence of a pitch on a new site (fewer than {@link #TAUGHT}
     * lessons): what it would hold only on its words is published, since the harm of spam is its pitch and a new
     * site's words are mostly other sites' topics; what it would block is held ({@link #lowered}). Otherwise the
     * verdict by score.
     */
    public static Verdict byScore(double p, Signals s, SpamSettings settings, long learned) {
        return byScore(p, s, -1, settings, learned);
    }

    /** The same, {@code form} being the form layer's probability (-1 without a layer). */
    public static Verdict byScore(double p, Signals s, double form, SpamSettings settings, long learned) {
        Verdict v = byScore(p, s, settings);
        if (QUIET && v == Verdict.HOLD && !evidence(s, form, learned) && learned < TAUGHT) return Verdict.APPROVE;
        return v;
    }

    /**
     * Why the classifier's blocking verdict was lowered, or null: "topic-only" (on topic: held), "no-evidence" (a
     * new site: held), "words-only" (a trained site, not all but certain: held), "no-discard" (a trained site blocks
     * a comment without evidence of a pitch on its words: sent to Spam, where a moderator finds it, never discarded
     * unstored).
     */
    public static String lowered(Verdict byScore, Signals s, long learned) {
        return lowered(byScore, s, 1, learned);
    }

    /**
     * The same with the probability {@code p}: on a trained site, the classifier's block of a comment without
     * evidence of a pitch is held below {@link #WORDS_AT} ("words-only").
     */
    public static String lowered(Verdict byScore, Signals s, double p, long learned) {
        return lowered(byScore, s, p, -1, true, learned);
    }

    /**
     * On a trained site the classifier sends a comment without a link, a contact, a solicitation or a pattern to Spam
     * only from this probability (its words alone are then all but certain); below, it is held ("words-only"): a
     * topic a site's moderators taught as spam does not silence a reader on words alone. docs/SPAM.md, "After
     * spam5"; -Dtestata.spam.words_at=0 turns it off (spam-eval ablation only).
     */
    public static final double WORDS_AT = Double.parseDouble(System.getProperty("testata.spam.words_at", "0.999"));

    /**
     * The same with the form layer's probability ({@code form}, -1 without a layer) and whether the site's own words
     * carry the block ({@code wordsCarry}: with them capped, {@link SpamClassifier#scoreWordsCapped}, it would not
     * block): on a trained site whose starter has the layer, a block that only the site's words carry, without a
     * pitch sign nor a spam-like form, is held ("words-only": a topic alone does not silence a reader).
     */
    public static String lowered(Verdict byScore, Signals s, double p, double form, boolean wordsCarry, long learned) {
        if (!byScore.blocks()) return null;
        // on the article's topic with at most a plain link (a reader pointing at a source): held, never Spam alone
        if (s.onTopic() && !s.pitch() && ON_TOPIC_LINK) return "topic-only";
        if (evidence(s, form, learned)) return null;
        if (s.onTopic()) return "topic-only";
        if (learned < TAUGHT || WORDS_BLOCK.equals("hold")) return "no-evidence";
        if (p < WORDS_AT) return "words-only";
        if (wordsCarry && form >= 0 && !FORM_GATE.equals("off") && !FORM_GATE.equals("new")) return "words-only";
        if (byScore == Verdict.DISCARD && !WORDS_BLOCK.equals("discard")) return "no-discard";
        return null;
    }

    /** The verdict a lowering gives: Spam for "no-discard", held otherwise; the verdict by score when not lowered. */
    public static Verdict after(Verdict byScore, String lowered) {
        if (lowered == null) return byScore;
        return lowered.equals("no-discard") ? Verdict.SPAM : Verdict.HOLD;
    }

    /** The classifier's verdict after the gate, at the default thresholds. */
    public static Verdict verdict(double p, Signals s, long learned) {
        return verdict(p, s, -1, 0, learned);
    }

    /**
     * The same, {@code form} being the form layer's probability (-1 without a layer) and {@code capped} the
     * probability with the site's words capped ({@link SpamClassifier#scoreWordsCapped}).
     */
    public static Verdict verdict(double p, Signals s, double form, double capped, long learned) {
        Verdict v = byScore(p, s, form, SpamSettings.defaults(), learned);
        return after(v, lowered(v, s, p, form, !Verdict.of(capped).blocks(), learned));
    }
}
