package it.testata.mail;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/** Renders a message's plain-text and HTML bodies from the precompiled jte templates under mail/. */
public final class MailTemplates {
    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(ContentType.Html);

    private MailTemplates() {}

    public static Email.Rendered render(MailContent content) {
        StringOutput text = new StringOutput();
        ENGINE.render("mail/text.jte", content, text);
        StringOutput html = new StringOutput();
        ENGINE.render("mail/html.jte", content, html);
        return new Email.Rendered(text.toString(), html.toString());
    }
}
