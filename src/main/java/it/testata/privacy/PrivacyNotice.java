package it.testata.privacy;

import it.testata.web.Layout;

/** What the public page /privacy/ receives: the site's frame and the retention it states. */
public record PrivacyNotice(Layout layout, int ipRetentionDays) {
}
