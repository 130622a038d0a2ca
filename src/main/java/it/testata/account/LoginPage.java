package it.testata.account;

import it.testata.admin.AdminFrame;

/** What admin/login.jte receives: the typed email (never the password), where to go next, and a message. */
public record LoginPage(AdminFrame frame, String email, String next, String error, String notice) {
}
