package it.testata.account;

import it.testata.support.StaffClient;
import it.testata.support.TestSite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** ./testata user add|passwd as separate processes on a serving site's data, with the password on standard input. */
class UserCliTest {
    TestSite site;

    @BeforeEach
    void start() {
        site = TestSite.startEmpty();
    }

    @AfterEach
    void stop() {
        site.close();
    }

    @Test
    void addReadsThePasswordTwiceAndTheAccountCanSignIn() {
        TestSite.Cli r = site.cliWithInput("una password lunga\nuna password lunga\n",
                "user", "add", "--email", "Giulia@Example.org", "--name", "Giulia Ferri", "--role", "editor");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("added giulia@example.org (editor)").doesNotContain("una password lunga");
        User u = site.site().accounts.user("giulia@example.org").orElseThrow();
        assertThat(u.role()).isEqualTo(Role.EDITOR);
        assertThat(u.name()).isEqualTo("Giulia Ferri");
        assertThat(u.authorId()).isNotNull(); // her byline
        assertThat(new StaffClient(site).login("giulia@example.org", "una password lunga").statusCode()).isEqualTo(303);

        TestSite.Cli again = site.cliWithInput("altra password\naltra password\n",
                "user", "add", "--email", "giulia@example.org", "--name", "Giulia", "--role", "author");
        assertThat(again.exit()).isEqualTo(2);
        assertThat(again.err()).contains("already a user");
    }

    @Test
    void twoDifferentLinesAShortPasswordOrABadRoleExitWith2AndAddNobody() {
        TestSite.Cli differ = site.cliWithInput("una password lunga\nun'altra password\n",
                "user", "add", "--email", "a@example.org", "--name", "A", "--role", "author");
        assertThat(differ.exit()).isEqualTo(2);
        assertThat(differ.err()).contains("the two passwords differ");
        TestSite.Cli once = site.cliWithInput("una password lunga\n",
                "user", "add", "--email", "a@example.org", "--name", "A", "--role", "author");
        assertThat(once.exit()).isEqualTo(2);
        assertThat(once.err()).contains("twice");
        TestSite.Cli shortOne = site.cliWithInput("corta\ncorta\n",
                "user", "add", "--email", "a@example.org", "--name", "A", "--role", "author");
        assertThat(shortOne.exit()).isEqualTo(2);
        assertThat(shortOne.err()).contains("at least 8 characters");
        TestSite.Cli role = site.cliWithInput("una password lunga\nuna password lunga\n",
                "user", "add", "--email", "a@example.org", "--name", "A", "--role", "boss");
        assertThat(role.exit()).isEqualTo(2);
        assertThat(role.err()).contains("admin, editor, author or moderator");
        TestSite.Cli email = site.cliWithInput("una password lunga\nuna password lunga\n",
                "user", "add", "--email", "not-an-email", "--name", "A", "--role", "author");
        assertThat(email.exit()).isEqualTo(2);
        assertThat(site.site().accounts.users()).isEmpty();
    }

    @Test
    void anEmptyStandardInputGetsAGeneratedPasswordPrintedOnce() {
        TestSite.Cli r = site.cliWithInput("", "user", "add", "--email", "m@example.org", "--name", "Mod", "--role", "moderator");
        assertThat(r.exit()).as(r.err()).isZero();
        Matcher m = Pattern.compile("password: (\\S+)").matcher(r.out());
        assertThat(m.find()).as(r.out()).isTrue();
        String generated = m.group(1);
        assertThat(generated).hasSize(20);
        assertThat(new StaffClient(site).login("m@example.org", generated).statusCode()).isEqualTo(303);
    }

    @Test
    void passwdChangesThePasswordAndEndsTheAccountsSessions() {
        site.site().accounts.add("ada@example.org", "Ada Rossi", Role.ADMIN, "prima password".toCharArray());
        StaffClient c = StaffClient.signedIn(site, "ada@example.org", "prima password");
        TestSite.Cli r = site.cliWithInput("seconda password\nseconda password\n", "user", "passwd", "--email", "ada@example.org");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(c.get("/admin/").statusCode()).isEqualTo(303); // signed out everywhere
        assertThat(new StaffClient(site).login("ada@example.org", "prima password").statusCode()).isEqualTo(401);
        assertThat(new StaffClient(site).login("ada@example.org", "seconda password").statusCode()).isEqualTo(303);

        TestSite.Cli nobody = site.cliWithInput("seconda password\nseconda password\n", "user", "passwd", "--email", "x@example.org");
        assertThat(nobody.exit()).isEqualTo(2);
        assertThat(nobody.err()).contains("no user");
    }
}
