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
        return SettingsField.ALL.stream().filter(f -> f.group().equals(group) && !f.kind().equals("decimal")).toList();
    }

    // --- newsroom: the spam thresholds in words, their numbers in an advanced section; zones in a list ---
    public List<SettingsField> advanced() {
        return SettingsField.ALL.stream().filter(f -> f.kind().equals("decimal")).toList();
    }

    public String strictness() {
        return Strictness.current(values);
    }

    /** The advanced section opens when its numbers are the site's own or one of them is refused. */
    public boolean advancedOpen() {
        return strictness().equals(Strictness.CUSTOM) || advanced().stream().anyMatch(f -> errors.containsKey(f.name()));
    }

    public Map<String, List<String>> zones() {
        return Strictness.zones();
    }
}
