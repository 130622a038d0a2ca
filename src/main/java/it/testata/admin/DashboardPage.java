package it.testata.admin;

/** What admin/dashboard.jte receives. */
public record DashboardPage(AdminFrame frame) {
}
