package it.testata.twofactor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.converter.AttestedCredentialDataConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.credential.CredentialRecordImpl;
import com.webauthn4j.data.AuthenticationData;
import com.webauthn4j.data.AuthenticationParameters;
import com.webauthn4j.data.AuthenticationRequest;
import com.webauthn4j.data.PublicKeyCredentialParameters;
import com.webauthn4j.data.PublicKeyCredentialType;
import com.webauthn4j.data.RegistrationData;
import com.webauthn4j.data.RegistrationParameters;
import com.webauthn4j.data.RegistrationRequest;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.server.ServerProperty;
import com.webauthn4j.verifier.exception.VerificationException;
import it.testata.account.User;
import it.testata.db.ChangeLog;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Passkeys (WebAuthn), checked by webauthn4j. The browser asks for options (a single-use challenge kept in the
 * database for two minutes, so any server can check the answer), runs navigator.credentials.create or .get
 * (static/js/passkeys.js), and posts the answer back. A passkey signs in on its own (it is discoverable and
 * verifies its user) or serves as the second factor after a password.
 */
public final class Passkeys {
    public static final Duration CHALLENGE_LIFETIME = Duration.ofMinutes(2);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64URL_DEC = Base64.getUrlDecoder();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TwoFactorStore store;
    private final ChangeLog changes;
    private final WebAuthnManager manager;
    private final AttestedCredentialDataConverter credentials;

    public Passkeys(TwoFactorStore store, ChangeLog changes) {
        this.store = store;
        this.changes = changes;
        ObjectConverter converter = new ObjectConverter();
        // "none" attestation: a newsroom does not vet authenticator makers, it only needs the key to be the same later
        this.manager = WebAuthnManager.createNonStrictWebAuthnManager(converter);
        this.credentials = new AttestedCredentialDataConverter(converter);
    }

    /** The site as WebAuthn knows it: its origin (scheme, host, port) and relying-party id (the host name). */
    public record Party(String origin, String rpId, String name) {}

    /** A refused passkey answer; the message is for the log, never for the browser. */
    public static final class Refused extends Exception {
        public Refused(String message) {
            super(message);
        }
    }

    /** Options for navigator.credentials.create: a new passkey for this user. */
    public Map<String, Object> creationOptions(User user, Party party) {
        String challenge = challenge("register", user.id());
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("challenge", challenge);
        o.put("rp", Map.of("id", party.rpId(), "name", party.name()));
        o.put("user", Map.of("id", B64URL.encodeToString(userHandle(user.id())), "name", user.email(), "displayName", user.name()));
        o.put("pubKeyCredParams", List.of(Map.of("type", "public-key", "alg", -7), Map.of("type", "public-key", "alg", -257)));
        o.put("timeout", CHALLENGE_LIFETIME.toMillis());
        o.put("attestation", "none");
        o.put("authenticatorSelection", Map.of("residentKey", "required", "requireResidentKey", true, "userVerification", "preferred"));
        List<Map<String, Object>> exclude = new ArrayList<>();
        for (TwoFactorStore.PasskeyRow k : store.passkeys(user.id())) exclude.add(Map.of("type", "public-key", "id", k.credentialId()));
        o.put("excludeCredentials", exclude);
        return o;
    }

    /** Checks the browser's answer to {@link #creationOptions} and keeps the passkey; returns its id. */
    public long register(User user, Party party, String name, JsonNode answer) throws Refused {
        try {
            JsonNode response = answer.path("response");
            byte[] clientData = bytes(response, "clientDataJSON");
            byte[] attestation = bytes(response, "attestationObject");
            byte[] challenge = challengeOf(clientData);
            if (!take(B64URL.encodeToString(challenge), "register", user.id())) throw new Refused("unknown or used challenge");
            ServerProperty server = new ServerProperty(new Origin(party.origin()), party.rpId(), new DefaultChallenge(challenge));
            List<PublicKeyCredentialParameters> algorithms = List.of(
                    new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.ES256),
                    new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.RS256));
            RegistrationData data = manager.verify(new RegistrationRequest(attestation, clientData),
                    new RegistrationParameters(server, algorithms, false, true));
            var authData = data.getAttestationObject().getAuthenticatorData();
            AttestedCredentialData credential = authData.getAttestedCredentialData();
            String credentialId = B64URL.encodeToString(credential.getCredentialId());
            String stored = Base64.getEncoder().encodeToString(credentials.convert(credential));
            String label = name == null || name.isBlank() ? "Passkey" : name.strip().substring(0, Math.min(80, name.strip().length()));
            return changes.write((h, touched) -> TwoFactorStore.insertPasskey(h, user.id(), credentialId, label, stored,
                    authData.getSignCount(), Instant.now()));
        } catch (VerificationException | IllegalArgumentException | com.webauthn4j.converter.exception.DataConversionException e) {
            throw new Refused("passkey registration refused: " + e.getMessage());
        } catch (org.jdbi.v3.core.statement.UnableToExecuteStatementException e) {
            throw new Refused("this passkey is already registered");
        }
    }

    /**
     * Options for navigator.credentials.get. With a user (the second factor), only that user's passkeys are
     * offered; without (signing in with a passkey alone), the browser offers the site's discoverable ones.
     */
    public Map<String, Object> requestOptions(Party party, Long userId) {
        String purpose = userId == null ? "signin" : "second";
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("challenge", challenge(purpose, userId));
        o.put("rpId", party.rpId());
        o.put("timeout", CHALLENGE_LIFETIME.toMillis());
        o.put("userVerification", userId == null ? "required" : "preferred");
        List<Map<String, Object>> allow = new ArrayList<>();
        if (userId != null) {
            for (TwoFactorStore.PasskeyRow k : store.passkeys(userId)) allow.add(Map.of("type", "public-key", "id", k.credentialId()));
        }
        o.put("allowCredentials", allow);
        return o;
    }

    /**
     * Checks the browser's answer to {@link #requestOptions}; returns the passkey used. With a user, it must be
     * one of theirs; without, the authenticator must have verified its user (PIN, fingerprint), since the passkey is
     * then the only factor.
     */
    public TwoFactorStore.PasskeyRow authenticate(Party party, Long userId, JsonNode answer) throws Refused {
        try {
            String credentialId = answer.path("id").asText("");
            JsonNode response = answer.path("response");
            byte[] clientData = bytes(response, "clientDataJSON");
            byte[] challenge = challengeOf(clientData);
            String purpose = userId == null ? "signin" : "second";
            if (!take(B64URL.encodeToString(challenge), purpose, userId)) throw new Refused("unknown or used challenge");
            TwoFactorStore.PasskeyRow key = store.passkey(credentialId).orElseThrow(() -> new Refused("unknown passkey"));
            if (userId != null && key.userId() != userId) throw new Refused("another account's passkey");
            byte[] handle = response.hasNonNull("userHandle") && !response.get("userHandle").asText().isEmpty()
                    ? bytes(response, "userHandle") : null;
            if (handle != null && !java.util.Arrays.equals(handle, userHandle(key.userId()))) throw new Refused("user handle mismatch");
            AttestedCredentialData credential = credentials.convert(Base64.getDecoder().decode(key.credential()));
            var record = new CredentialRecordImpl(new NoneAttestationStatement(), null, null, null, key.signCount(),
                    credential, null, null, null, null);
            ServerProperty server = new ServerProperty(new Origin(party.origin()), party.rpId(), new DefaultChallenge(challenge));
            AuthenticationData data = manager.verify(new AuthenticationRequest(B64URL_DEC.decode(credentialId), handle,
                            bytes(response, "authenticatorData"), clientData, null, bytes(response, "signature")),
                    new AuthenticationParameters(server, record, null, userId == null, true));
            long count = data.getAuthenticatorData().getSignCount();
            changes.write((h, touched) -> {
                TwoFactorStore.passkeyUsed(h, key.id(), count, Instant.now());
                return null;
            });
            return key;
        } catch (VerificationException | IllegalArgumentException | com.webauthn4j.converter.exception.DataConversionException e) {
            throw new Refused("passkey refused: " + e.getMessage());
        }
    }

    public List<TwoFactorStore.PasskeyRow> list(long userId) {
        return store.passkeys(userId);
    }

    public boolean rename(long userId, long id, String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > 80) throw new IllegalArgumentException("a passkey's name has 1 to 80 characters");
        return changes.write((h, touched) -> TwoFactorStore.renamePasskey(h, userId, id, n));
    }

    public boolean remove(long userId, long id) {
        return changes.write((h, touched) -> TwoFactorStore.deletePasskey(h, userId, id));
    }

    public static JsonNode parse(String body) throws Refused {
        try {
            return JSON.readTree(body == null ? "" : body);
        } catch (java.io.IOException e) {
            throw new Refused("not JSON");
        }
    }

    private String challenge(String purpose, Long userId) {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        String c = B64URL.encodeToString(b);
        changes.write((h, touched) -> {
            TwoFactorStore.insertChallenge(h, c, purpose, userId, Instant.now().plus(CHALLENGE_LIFETIME));
            return null;
        });
        return c;
    }

    private boolean take(String challenge, String purpose, Long userId) {
        return changes.write((h, touched) -> TwoFactorStore.takeChallenge(h, challenge, purpose, userId, Instant.now()));
    }

    private static byte[] challengeOf(byte[] clientDataJson) throws Refused {
        try {
            String c = JSON.readTree(new String(clientDataJson, StandardCharsets.UTF_8)).path("challenge").asText("");
            if (c.isEmpty()) throw new Refused("no challenge in the client data");
            return B64URL_DEC.decode(c);
        } catch (java.io.IOException e) {
            throw new Refused("unreadable client data");
        }
    }

    private static byte[] bytes(JsonNode node, String field) {
        String v = node.path(field).asText("");
        if (v.isEmpty()) throw new IllegalArgumentException("missing " + field);
        return B64URL_DEC.decode(v.replace('+', '-').replace('/', '_').replace("=", ""));
    }

    /** The WebAuthn user handle of an account: never its e-mail, only its number. */
    static byte[] userHandle(long userId) {
        return ("testata-user-" + userId).getBytes(StandardCharsets.US_ASCII);
    }

}
