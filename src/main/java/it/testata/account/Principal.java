package it.testata.account;

/**
 * Who is acting on this request: the signed-in user, and for a browser session the CSRF token its forms carry
 * (null for an API token, which needs none: it never travels in a cookie).
 */
public record Principal(User user, String csrf) {
    public Role role() {
        return user.role();
    }
}
