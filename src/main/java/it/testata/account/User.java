package it.testata.account;

import java.time.Instant;

/** A member of staff. The password hash never leaves {@link UserStore}. */
public record User(long id, String email, String name, Role role, boolean disabled, Long authorId, Instant createdAt) {
}
