package it.testata.contact;

import it.testata.web.Layout;

import java.util.Map;

/**
 * What contact/contact.jte receives: the frame, the form as typed, field name to message key for refused values,
 * a sentence above the form (null for none), whether it was just sent, and the fresh token field.
 */
public record ContactPage(Layout layout, ContactForm form, Map<String, String> errors, String message, boolean sent,
                          String tokenHtml) {

    public boolean hasError(String field) {
        return errors.containsKey(field);
    }
}
