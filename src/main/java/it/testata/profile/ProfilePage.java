package it.testata.profile;

import it.testata.account.UserStore;
import it.testata.admin.AdminFrame;
import it.testata.twofactor.TwoFactorStore;

import java.util.List;
import java.util.Map;

/**
 * What admin/profile.jte receives. pendingSecret and qrSvg are set while TOTP is being set up (the secret in Base32
 * for typing, the QR code as SVG markup made by {@link it.testata.twofactor.QrSvg}); newCodes are recovery codes shown
 * this once; errors map a form field to its message; name is the name field as typed.
 */
public record ProfilePage(AdminFrame frame, String name, boolean totp, String pendingSecret, String qrSvg,
                          int recoveryLeft, List<TwoFactorStore.PasskeyRow> passkeys, List<UserStore.SessionInfo> sessions,
                          List<String> newCodes, Map<String, String> errors, String notice, boolean enrolRequired,
                          it.testata.staffnotify.NotifyPrefs.View notifications) { // --- staffmail --- (notifications: the e-mail choices)
}
