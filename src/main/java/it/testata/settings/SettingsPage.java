package it.testata.settings;

import it.testata.admin.AdminFrame;

import java.util.List;
import java.util.Map;

/** What admin/settings.jte receives: every field with its value (as typed, after an error) and its error, if any. */
public record SettingsPage(AdminFrame frame, Map<String, String> values, Map<String, String> errors, String notice) {

    public List<String> groups() {
        return List.of("site", "social", "comments", "spam");
    }

    public List<SettingsField> fields(String group) {
        return SettingsField.ALL.stream().filter(f -> f.group().equals(group)).toList();
    }
}
