package it.testata.design;

import it.testata.admin.AdminFrame;
import it.testata.settings.Settings;

import java.util.List;
import java.util.Map;

/** What admin/design.jte receives: the values (as stored, or as typed when refused), errors by field, a notice. */
public record DesignPage(AdminFrame frame, Map<String, String> values, Map<String, String> errors, String notice,
                         Design design) {
    public List<String> socialKeys() {
        return List.of(Settings.SOCIAL_KEYS);
    }

    public String value(String name) {
        return values.getOrDefault(name, "");
    }

    public boolean bad(String name) {
        return errors.containsKey(name);
    }
}
