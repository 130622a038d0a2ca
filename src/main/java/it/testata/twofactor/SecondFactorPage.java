package it.testata.twofactor;

import it.testata.admin.AdminFrame;

/** What admin/second-factor.jte receives: the frame (with the form's token), an error, which factors the account has. */
public record SecondFactorPage(AdminFrame frame, String error, boolean totp, boolean passkeys) {
}
