package it.testata.menu;

import it.testata.admin.AdminFrame;

import java.util.List;
import java.util.Map;

/**
 * What admin/menus.jte receives: both menus, what an entry can name, the add form's typed values and errors
 * (for the menu in {@code failedMenu}), and a notice.
 */
public record MenusPage(AdminFrame frame, List<Menu> menus, List<MenuStore.Target> categories,
                        List<MenuStore.Target> pages, String failedMenu, Map<String, String> values,
                        Map<String, String> errors, String notice) {

    /** A typed value of the add form of this menu (empty for the other one). */
    public String value(String menu, String field) {
        return menu.equals(failedMenu) ? values.getOrDefault(field, "") : "";
    }

    public boolean hasError(String menu, String field) {
        return menu.equals(failedMenu) && errors.containsKey(field);
    }

    public String error(String field) {
        return errors.get(field);
    }
}
