package it.testata.newsletter;

import it.testata.web.Layout;

/**
 * What newsletter/newsletter.jte receives: the frame, what the page is showing (form, asked, confirm, confirmed,
 * unsubscribe, unsubscribed, invalid), the form's values and error (a message key, or null), and the signed token of
 * a confirm or unsubscribe button.
 */
public record NewsletterPage(Layout layout, String state, String email, String name, String error, String token) {}
