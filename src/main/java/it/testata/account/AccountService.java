package it.testata.account;

import it.testata.article.EditorialStore;
import it.testata.article.Slugs;
import it.testata.db.ChangeLog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The rules of staff accounts: adding users and changing passwords, signing in with a throttle per account
 * and network, and sessions kept in the database (so they survive a restart and work on every server).
 */
public final class AccountService {
    /** Failed logins for one account from one network within {@link #WINDOW} before it is locked there. */
    public static final int MAX_FAILURES = 5;
    public static final Duration WINDOW = Duration.ofMinutes(15);
    public static final Duration LOCK = Duration.ofMinutes(15);
    public static final Duration SESSION_LIFETIME = Duration.ofDays(7);
    public static final int MIN_PASSWORD = 8;
    /** API tokens start with this, so a leaked one is easy to recognize (and to search for). */
    public static final String TOKEN_PREFIX = "tst_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final UserStore store;
    private final ChangeLog changes;
    private final Map<Long, Long> lastUse = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Long> lastSeen = new java.util.concurrent.ConcurrentHashMap<>();

    public AccountService(UserStore store, ChangeLog changes) {
        this.store = store;
        this.changes = changes;
    }

    /** What became of a login attempt. */
    public sealed interface Login {
        /** Signed in: the cookie value to hand to the browser, and who it stands for. */
        record Ok(String cookie, Principal principal) implements Login {}
        /** Wrong email or password (or a disabled account: the answer does not say which). */
        record Refused() implements Login {}
        /** Too many failures for this account from this network: refused until then, whatever the password. */
        record Throttled(Instant until) implements Login {}
        /** The password is right; no session yet (a second factor may be asked first: {@link #openSession}). */
        record Verified(User user) implements Login {}
    }

    /** Adds an account, linked to the author byline of the same name (created when there is none). */
    public User add(String email, String name, Role role, char[] password) {
        String e = normalizeEmail(email);
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || Slugs.of(n).isEmpty()) throw new IllegalArgumentException("the name must have a letter or a digit");
        if (n.length() > 200) throw new IllegalArgumentException("the name is too long (at most 200 characters)");
        checkPassword(password);
        String hash = Passwords.hash(password);
        long id = changes.write((h, touched) -> {
            if (UserStore.exists(h, e)) throw new IllegalArgumentException("there is already a user with the email " + e);
            // an author with no article shows nowhere, so a new byline changes no public page
            long authorId = EditorialStore.byline(h, n);
            return UserStore.insert(h, e, n, role, hash, authorId, Instant.now());
        });
        return store.byId(id).orElseThrow();
    }

    /** Changes a password and ends that user's sessions; false when there is no such user. */
    public boolean setPassword(String email, char[] password) {
        checkPassword(password);
        Optional<User> user = store.byEmail(normalizeEmail(email));
        if (user.isEmpty()) return false;
        String hash = Passwords.hash(password);
        return changes.write((h, touched) -> {
            UserStore.deleteSessionsOf(h, user.get().id());
            return UserStore.setPassword(h, user.get().id(), hash);
        });
    }

    public Optional<User> user(String email) {
        return store.byEmail(normalizeEmail(email));
    }

    public Optional<User> user(long id) {
        return store.byId(id);
    }

    public List<User> users() {
        return store.all();
    }

    /** Changes a user's role; false when there is no such user. */
    public boolean setRole(long userId, Role role) {
        return changes.write((h, touched) -> UserStore.setRole(h, userId, role));
    }

    /** Disables or enables an account; disabling ends its sessions at once (its API tokens stop working too). */
    public boolean setDisabled(long userId, boolean disabled) {
        return changes.write((h, touched) -> {
            if (disabled) UserStore.deleteSessionsOf(h, userId);
            return UserStore.setDisabled(h, userId, disabled);
        });
    }

    /**
     * Checks a login. After {@link #MAX_FAILURES} failures for one account from one network within
     * {@link #WINDOW}, attempts for it from there are refused for {@link #LOCK}, even with the right password.
     */
    public Login login(String email, String password, String ipNet) {
        Login checked = check(email, password, ipNet);
        return checked instanceof Login.Verified v ? openSession(v.user(), ipNet, "") : checked;
    }

    /**
     * Checks email and password under the throttle, as {@link #login} does, but opens no session: a right password
     * gives {@link Login.Verified}.
     */
    public Login check(String email, String password, String ipNet) {
        // cleaned, not refused: the throttle counts "a\u0000da@x" against ada@x, and nothing unstorable is recorded
        String e = email == null ? "" : it.testata.text.CleanText.line(email).strip().toLowerCase(Locale.ROOT);
        if (e.length() > 254) e = e.substring(0, 254);
        Instant now = Instant.now();
        Optional<Instant> locked = lockedUntil(store.failures(e, ipNet, now.minus(WINDOW).minus(LOCK)), now);
        if (locked.isPresent()) return new Login.Throttled(locked.get());
        char[] pw = password == null ? new char[0] : password.toCharArray();
        Optional<UserStore.Credentials> found = store.credentials(e);
        boolean ok;
        if (found.isPresent()) {
            ok = Passwords.verify(pw, found.get().passwordHash()) && !found.get().user().disabled();
        } else {
            Passwords.verifyDecoy(pw);
            ok = false;
        }
        if (!ok) {
            return recordFailure(e, ipNet).<Login>map(Login.Throttled::new).orElseGet(Login.Refused::new);
        }
        return new Login.Verified(found.get().user());
    }

    /**
     * Counts a failed sign-in (a wrong password, or a wrong second factor) for this account and network; returns
     * until when the account is now locked from there, if it is.
     */
    public Optional<Instant> recordFailure(String email, String ipNet) {
        String e = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        Instant now = Instant.now();
        changes.write((h, touched) -> {
            UserStore.recordFailure(h, e, ipNet, now);
            return null;
        });
        return lockedUntil(store.failures(e, ipNet, now.minus(WINDOW).minus(LOCK)), now);
    }

    /** Until when this account is locked from this network, if it is. */
    public Optional<Instant> lockedUntil(String email, String ipNet) {
        Instant now = Instant.now();
        return lockedUntil(store.failures(email.strip().toLowerCase(Locale.ROOT), ipNet, now.minus(WINDOW).minus(LOCK)), now);
    }

    /** Opens a session for a user whose sign-in is complete; the network and browser are kept for its owner to see. */
    public Login.Ok openSession(User user, String ipNet, String userAgent) {
        Instant now = Instant.now();
        String cookie = randomToken(32);
        String csrf = randomToken(24);
        String agent = userAgent == null ? "" : userAgent.length() > 300 ? userAgent.substring(0, 300) : userAgent;
        changes.write((h, touched) -> {
            UserStore.clearFailures(h, user.email(), ipNet);
            UserStore.prune(h, now, now.minus(Duration.ofDays(1)));
            UserStore.insertSession(h, sha256(cookie), user.id(), csrf, now, now.plus(SESSION_LIFETIME));
            UserStore.describeSession(h, sha256(cookie), ipNet, agent, now);
            return null;
        });
        return new Login.Ok(cookie, new Principal(user, csrf));
    }

    /** The session a cookie value stands for, while it lasts. */
    public Optional<Principal> session(String cookie) {
        if (cookie == null || cookie.isBlank() || cookie.length() > 100) return Optional.empty();
        return store.session(sha256(cookie), Instant.now());
    }

    public void logout(String cookie) {
        if (cookie == null || cookie.isBlank()) return;
        changes.write((h, touched) -> {
            UserStore.deleteSession(h, sha256(cookie));
            return null;
        });
    }

    /** Creates an API token for this user; the token is returned once and only its hash is kept. */
    public String createToken(String email, String label) {
        User user = store.byEmail(normalizeEmail(email))
                .orElseThrow(() -> new IllegalArgumentException("there is no user with the email " + email));
        String token = TOKEN_PREFIX + randomToken(32);
        String name = label == null ? "" : label.strip();
        changes.write((h, touched) -> UserStore.insertToken(h, user.id(), name, sha256(token), Instant.now()));
        return token;
    }

    public List<UserStore.Token> tokens(String email) {
        return store.tokens(email == null ? null : normalizeEmail(email));
    }

    /** Revokes tokens by id; returns how many existed. */
    public int revokeTokens(List<Long> ids) {
        return changes.write((h, touched) -> UserStore.deleteTokens(h, ids));
    }

    /** The id of the token with this value, if it exists. */
    public Optional<Long> tokenId(String token) {
        if (token == null || token.isBlank()) return Optional.empty();
        return store.tokenUser(sha256(token.strip())).map(Map.Entry::getValue);
    }

    /** Who an API token acts for: its user, with that user's role. */
    public Optional<Principal> bearer(String token) {
        if (token == null || !token.startsWith(TOKEN_PREFIX) || token.length() > 100) return Optional.empty();
        Optional<Map.Entry<User, Long>> found = store.tokenUser(sha256(token));
        found.ifPresent(e -> recordUse(e.getValue()));
        return found.map(e -> new Principal(e.getKey(), null));
    }

    /** Notes when a token was used, at most once a minute per token and process (not a write per request). */
    private void recordUse(long tokenId) {
        long now = System.currentTimeMillis();
        Long last = lastUse.get(tokenId);
        if (last != null && now - last < 60_000) return;
        lastUse.put(tokenId, now);
        changes.write((h, touched) -> {
            UserStore.tokenUsed(h, tokenId, Instant.ofEpochMilli(now));
            return null;
        });
    }

    // --- staff: the profile page (own name, own password, own sessions) ---

    /** Notes that a session was used, at most once a minute per session and process. */
    public void seen(String cookie) {
        if (cookie == null || cookie.isBlank()) return;
        long now = System.currentTimeMillis();
        String hash = sha256(cookie);
        Long last = lastSeen.get(hash);
        if (last != null && now - last < 60_000) return;
        lastSeen.put(hash, now);
        if (lastSeen.size() > 10_000) lastSeen.clear();
        changes.write((h, touched) -> {
            UserStore.sessionSeen(h, hash, Instant.ofEpochMilli(now));
            return null;
        });
    }

    /** This user's sessions, newest first; the one of this cookie is marked current. */
    public List<UserStore.SessionInfo> sessions(long userId, String cookie) {
        return store.sessions(userId, cookie == null ? "" : sha256(cookie), Instant.now());
    }

    /** Ends every session of this user but the one of this cookie; returns how many ended. */
    public int endOtherSessions(long userId, String cookie) {
        String keep = cookie == null ? "" : sha256(cookie);
        return changes.write((h, touched) -> UserStore.deleteSessionsOfExcept(h, userId, keep));
    }

    /** Changes one's own name (not the byline's). */
    public void rename(long userId, String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || Slugs.of(n).isEmpty()) throw new IllegalArgumentException("the name must have a letter or a digit");
        if (n.length() > 200) throw new IllegalArgumentException("the name is too long (at most 200 characters)");
        changes.write((h, touched) -> UserStore.setName(h, userId, n));
    }

    /** True when this is the user's password. */
    public boolean passwordMatches(User user, String password) {
        return store.credentials(user.email())
                .map(c -> Passwords.verify(password == null ? new char[0] : password.toCharArray(), c.passwordHash()))
                .orElse(false);
    }

    /** Changes one's own password and ends one's other sessions (the one of this cookie stays). */
    public void changeOwnPassword(User user, char[] password, String cookie) {
        checkPassword(password);
        String hash = Passwords.hash(password);
        String keep = cookie == null ? "" : sha256(cookie);
        changes.write((h, touched) -> {
            UserStore.setPassword(h, user.id(), hash);
            return UserStore.deleteSessionsOfExcept(h, user.id(), keep);
        });
    }

    /**
     * Until when this account is locked from this network, given its recent failures (oldest first): the
     * lock starts at any failure that is the fifth within {@link #WINDOW}, and lasts {@link #LOCK}.
     */
    public static Optional<Instant> lockedUntil(List<Long> failures, Instant now) {
        long until = 0;
        for (int i = MAX_FAILURES - 1; i < failures.size(); i++) {
            long last = failures.get(i);
            if (last - failures.get(i - MAX_FAILURES + 1) < WINDOW.toMillis()) until = Math.max(until, last + LOCK.toMillis());
        }
        return until > now.toEpochMilli() ? Optional.of(Instant.ofEpochMilli(until)) : Optional.empty();
    }

    public static String normalizeEmail(String email) {
        String e = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        if (e.length() > 254 || it.testata.text.CleanText.hasControl(e) || !e.matches("[^@\\s]+@[^@\\s]+")) throw new IllegalArgumentException("'" + e + "' is not an email address");
        return e;
    }

    static void checkPassword(char[] password) {
        if (password == null || password.length < MIN_PASSWORD) {
            throw new IllegalArgumentException("the password must be at least " + MIN_PASSWORD + " characters long");
        }
    }

    public static String randomToken(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    public static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
