package it.testata;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;

/**
 * The site's background jobs that each server runs on its housekeeping thread: the Spam tab's purge, the privacy
 * and audit retention, and the digests (each of which runs only when due and under its lease). A job that fails
 * logs one line and runs again at its next turn.
 */
final class Housekeeping {
    private static final Logger LOG = LoggerFactory.getLogger(Site.class);
    private final Site site;

    Housekeeping(Site site) {
        this.site = site;
    }

    /** Deletes comments in Spam for longer than 30 days. */
    void purgeSpam() {
        try {
            int n = site.commentService.purgeSpam(Instant.now());
            if (n > 0) LOG.info("purged {} spam comments older than 30 days", n);
        } catch (RuntimeException e) {
            LOG.warn("spam purge failed: {}", e.toString());
        }
    }

    /** Deletes comments' networks past privacy.ip_retention_days and audit entries past audit.retention_days. */
    void staff() {
        try {
            var rules = site.staffSettings.current();
            int networks = site.privacy.forgetNetworks(rules.ipRetentionDays());
            int entries = site.audit.prune(rules.auditRetentionDays());
            if (networks > 0) LOG.info("deleted the networks of {} comments older than {} days", networks, rules.ipRetentionDays());
            if (entries > 0) LOG.info("pruned {} audit entries older than {} days", entries, rules.auditRetentionDays());
        } catch (RuntimeException e) {
            LOG.warn("privacy and audit housekeeping failed: {}", e.toString());
        }
    }

    /** One look of the digest jobs: the staff's hourly digest of held comments and the newsletter digest. */
    void digests() {
        try {
            site.staffNotify.tick(Instant.now());
            site.newsletterDigest.tick(Instant.now());
        } catch (RuntimeException e) {
            LOG.warn("digests failed this time: {}", e.toString());
        }
    }
}
