package it.testata.privacy;

import it.testata.admin.AdminFrame;

import java.util.Map;

/** What admin/privacy.jte receives: the address as typed, what was found for it (null before a search), an error, a notice. */
public record PrivacyPage(AdminFrame frame, String email, Map<String, Integer> found, String error, String notice) {
}
