package it.testata.browser;

import it.testata.account.Role;
import it.testata.account.User;
import it.testata.audit.AuditEntry;
import it.testata.audit.AuditStore;
import it.testata.support.Browser;
import it.testata.support.TestSite;
import it.testata.support.TotpCodes;
import it.testata.twofactor.Totp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

import static it.testata.browser.AdminLoginBrowserTest.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Passkeys in a real Chromium with its virtual authenticator (WebDriver's WebAuthn API): added on the profile page,
 * then used to sign in alone, and as the second factor after a password. The pages are opened at localhost, since
 * WebAuthn takes a domain name as the site's id, never an IP address; the strict CSP is in force throughout.
 */
class PasskeyBrowserTest {
    static final String PASSWORD = "correct horse battery";
    static TestSite site;

    @BeforeAll
    static void start() {
        if (!Browser.available()) return;
        site = TestSite.startEmpty();
    }

    @BeforeEach
    void needsTheBrowser() {
        Browser.assumeAvailable();
    }

    @AfterAll
    static void stop() {
        if (site != null) site.close();
    }

    static String url(String path) {
        return "http://localhost:" + site.site().port() + path;
    }

    static VirtualAuthenticator authenticator(Browser b) {
        return b.driver().addVirtualAuthenticator(new VirtualAuthenticatorOptions()
                .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                .setHasResidentKey(true).setHasUserVerification(true).setIsUserVerified(true)
                .setIsUserConsenting(true));
    }

    static void passwordSignIn(Browser b, String email) {
        b.open(url("/admin/login"));
        b.find("#email").sendKeys(email);
        b.find("#password").sendKeys(PASSWORD, Keys.ENTER);
    }

    static void addPasskey(Browser b, String name) {
        b.open(url("/admin/profile"));
        b.find("#passkey-name").clear();
        b.find("#passkey-name").sendKeys(name);
        b.find("[data-passkey-mode=register] .passkey-button").click();
        waitFor(b, ExpectedConditions.urlToBe(url("/admin/profile?done=passkey")));
    }

    @Test
    void aPasskeyAddedOnTheProfileSignsInOnItsOwn() {
        User u = site.site().accounts.add("sara@example.org", "Sara Neri", Role.AUTHOR, PASSWORD.toCharArray());
        try (Browser b = Browser.start()) {
            VirtualAuthenticator device = authenticator(b);
            passwordSignIn(b, u.email());
            waitFor(b, ExpectedConditions.urlToBe(url("/admin/")));
            addPasskey(b, "Portatile");
            assertThat(b.find("#passkeys li input[name=name]").getDomProperty("value")).isEqualTo("Portatile");
            assertThat(device.getCredentials()).hasSize(1);
            assertThat(site.site().passkeys.list(u.id())).singleElement().extracting(k -> k.name()).isEqualTo("Portatile");

            b.find(".admin-logout button").click();
            waitFor(b, ExpectedConditions.urlContains("/admin/login?out=1"));
            b.find("[data-passkey-mode=signin] .passkey-button").click();
            waitFor(b, ExpectedConditions.urlToBe(url("/admin/")));
            assertThat(b.find(".admin-user").getText()).contains("Sara Neri");
            assertThat(b.consoleErrors()).isEmpty();
        }
        assertThat(site.site().passkeys.list(u.id()).getFirst().lastUsedAt()).isNotNull();
        assertThat(site.site().audit.store().find(new AuditStore.Filter(u.email(), "login.ok", null, null), 0, 5).entries())
                .extracting(AuditEntry::detail).contains("passkey");
    }

    @Test
    void aPasskeyServesAsTheSecondFactorAfterThePassword() throws Exception {
        User u = site.site().accounts.add("ugo@example.org", "Ugo Sala", Role.EDITOR, PASSWORD.toCharArray());
        byte[] secret = site.site().twoFactor.startTotp(u.id());
        assertThat(site.site().twoFactor.confirmTotp(u.id(), TotpCodes.code(Totp.base32(secret), 0))).isPresent();
        try (Browser b = Browser.start()) {
            authenticator(b);
            passwordSignIn(b, u.email());
            waitFor(b, ExpectedConditions.urlToBe(url("/admin/login/2fa")));
            // a TOTP code, typed, is the way without a passkey
            assertThat(b.find("#code").isDisplayed()).isTrue();
            b.find("#code").sendKeys(TotpCodes.code(Totp.base32(secret), 1), Keys.ENTER);
            waitFor(b, ExpectedConditions.urlToBe(url("/admin/")));
            addPasskey(b, "Chiavetta");
            b.find(".admin-logout button").click();
            waitFor(b, ExpectedConditions.urlContains("/admin/login?out=1"));

            passwordSignIn(b, u.email());
            waitFor(b, ExpectedConditions.urlToBe(url("/admin/login/2fa")));
            b.find("[data-passkey-mode=second] .passkey-button").click();
            waitFor(b, ExpectedConditions.urlToBe(url("/admin/")));
            assertThat(b.findAll("h1")).isNotEmpty();
            assertThat(b.driver().findElements(By.cssSelector(".admin-user")).getFirst().getText()).contains("Ugo Sala");
            assertThat(b.consoleErrors()).isEmpty();
        }
        assertThat(site.site().audit.store().find(new AuditStore.Filter(u.email(), "login.ok", null, null), 0, 5).entries())
                .extracting(AuditEntry::detail).contains("passkey as second factor", "totp");
    }
}
