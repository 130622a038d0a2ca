package it.testata.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import java.util.Locale;

/**
 * E-mail addresses as typed by readers and staff. An acceptable address is one bare address (no display name, no
 * list, no control characters, nothing Jakarta Mail's strict parser refuses), so nothing a reader types can add a
 * recipient or a header line. Display names and subjects go through {@link #oneLine}.
 */
public final class Addresses {
    private Addresses() {}

    public static boolean valid(String address) {
        if (address == null || address.isEmpty() || address.length() > 254) return false;
        if (address.chars().anyMatch(c -> c < 0x21 || c == 0x7f || c == ',' || c == '<' || c == '>' || c == '"')) return false;
        try {
            InternetAddress a = new InternetAddress(address, true);
            a.validate();
            return a.getAddress().equals(address) && address.indexOf('@') > 0 && address.indexOf('@') == address.lastIndexOf('@');
        } catch (AddressException e) {
            return false;
        }
    }

    /** The address as stored: trimmed, lower case (so one reader is one row). */
    public static String normalize(String address) {
        return address == null ? "" : address.strip().toLowerCase(Locale.ROOT);
    }

    /** A value for a header's text: every control character (CR and LF above all) becomes a space; at most 200 chars. */
    public static String oneLine(String text) {
        if (text == null) return "";
        StringBuilder b = new StringBuilder(Math.min(text.length(), 200));
        text.codePoints().limit(200).forEach(c -> b.appendCodePoint(Character.isISOControl(c) || c == 0x2028 || c == 0x2029 ? ' ' : c));
        return b.toString().strip();
    }
}
