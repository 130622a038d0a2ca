package it.testata.notify;

import it.testata.web.Layout;

/**
 * What notify/notify.jte receives: the frame, what the page shows (confirm, confirmed, unsubscribe, unsubscribed,
 * unsubscribe-all, unsubscribed-all, invalid) and the signed token its button sends back.
 */
public record NotifyPage(Layout layout, String state, String token) {}
