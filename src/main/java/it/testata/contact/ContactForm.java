package it.testata.contact;

import it.testata.mail.Addresses;

import java.util.LinkedHashMap;
import java.util.Map;

/** The contact form as typed: name, e-mail, subject, message, and the honeypot and signed token of the comment form. */
public record ContactForm(String name, String email, String subject, String message, String honeypot, String token) {
    public static final int MAX_NAME = 200;
    public static final int MAX_SUBJECT = 200;
    public static final int MAX_MESSAGE = 20_000;

    public static ContactForm empty() {
        return new ContactForm("", "", "", "", "", "");
    }

    /** Field name to message key, for each value that cannot be accepted. */
    public Map<String, String> errors() {
        Map<String, String> e = new LinkedHashMap<>();
        if (name.isEmpty() || name.length() > MAX_NAME) e.put("name", "contact.error.name");
        if (!Addresses.valid(email)) e.put("email", "contact.error.email");
        if (subject.isEmpty() || subject.length() > MAX_SUBJECT) e.put("subject", "contact.error.subject");
        if (message.isEmpty() || message.length() > MAX_MESSAGE) e.put("message", "contact.error.message");
        return e;
    }
}
