package it.testata.account;

import it.testata.admin.AdminFrame;

import java.util.List;
import java.util.Map;

/**
 * What admin/users.jte receives: the accounts, the add form's values and errors (field name to message), a notice,
 * and a generated password shown this once (null otherwise).
 */
public record UsersPage(AdminFrame frame, List<User> users, String email, String name, String role,
                        Map<String, String> errors, String notice, String generated) {

    public List<Role> roles() {
        return List.of(Role.values());
    }
}
