package it.testata.menu;

import it.testata.support.TestSite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The menus' rules on a real database: the default, the first edit keeping it, moves, nesting, refusals. */
class MenuServiceTest {
    static TestSite site;
    static MenuService menus;

    @BeforeAll
    static void start() {
        site = TestSite.startWithDemo();
        menus = new MenuService(new MenuStore(site.site().db.jdbi()), site.site().changes);
    }

    @AfterAll
    static void stop() {
        if (site != null) site.close();
    }

    private static List<String> labels(String menu) {
        return menus.menu(menu).entries().stream().map(Menu.Entry::label).toList();
    }

    @Test
    void theDefaultPrimaryMenuIsTheCategoriesWithArticlesAndTheFirstEditKeepsIt() {
        Menu before = menus.menu(Menu.PRIMARY);
        assertThat(before.edited()).isFalse();
        assertThat(labels(Menu.PRIMARY)).containsExactlyInAnyOrder("Cronaca", "Cultura", "Opinioni", "Politica", "Sport");
        assertThat(before.categorySlugs()).hasSize(5);

        long id = menus.add(Menu.PRIMARY, MenuItem.LINK, "/privacy/", "Privacy");
        Menu after = menus.menu(Menu.PRIMARY);
        assertThat(after.edited()).isTrue();
        assertThat(labels(Menu.PRIMARY)).containsExactlyElementsOf(
                java.util.stream.Stream.concat(before.entries().stream().map(Menu.Entry::label), java.util.stream.Stream.of("Privacy")).toList());

        // up twice, then under the entry above it, then out again, then away
        long third = after.entries().get(2).item().id();
        assertThat(menus.move(Menu.PRIMARY, id, MenuService.Move.UP)).isTrue();
        assertThat(menus.move(Menu.PRIMARY, id, MenuService.Move.UP)).isTrue();
        assertThat(labels(Menu.PRIMARY).get(3)).isEqualTo("Privacy");
        assertThat(menus.move(Menu.PRIMARY, id, MenuService.Move.NEST)).isTrue();
        Menu nested = menus.menu(Menu.PRIMARY);
        assertThat(nested.entries()).hasSize(5);
        assertThat(nested.entries().get(2).item().id()).isEqualTo(third);
        assertThat(nested.entries().get(2).children()).extracting(MenuItem::label).containsExactly("Privacy");
        // one level only: the parent itself cannot go under another entry while it has children
        assertThat(menus.move(Menu.PRIMARY, third, MenuService.Move.NEST)).isTrue();
        assertThat(menus.menu(Menu.PRIMARY).entries()).hasSize(5);
        assertThat(menus.move(Menu.PRIMARY, id, MenuService.Move.UNNEST)).isTrue();
        assertThat(labels(Menu.PRIMARY).get(3)).isEqualTo("Privacy");
        // drag and drop: before the first entry
        long first = menus.menu(Menu.PRIMARY).entries().get(0).item().id();
        assertThat(menus.moveBefore(Menu.PRIMARY, id, first)).isTrue();
        assertThat(labels(Menu.PRIMARY).get(0)).isEqualTo("Privacy");
        assertThat(menus.move(Menu.PRIMARY, id, MenuService.Move.REMOVE)).isTrue();
        assertThat(labels(Menu.PRIMARY)).doesNotContain("Privacy").hasSize(5);
        assertThat(menus.move(Menu.PRIMARY, id, MenuService.Move.UP)).isFalse();
        assertThat(menus.menu(Menu.PRIMARY).edited()).isTrue();
    }

    @Test
    void entriesThatLeadNowhereAreRefusedWithTheFieldAndItsMessage() {
        assertThatThrownBy(() -> menus.add(Menu.FOOTER, MenuItem.LINK, "javascript:alert(1)", "X"))
                .isInstanceOfSatisfying(MenuService.Invalid.class,
                        e -> assertThat(e.errors()).containsEntry("url", "admin.menus.error.url"));
        assertThatThrownBy(() -> menus.add(Menu.FOOTER, MenuItem.LINK, "https://example.org/", " "))
                .isInstanceOfSatisfying(MenuService.Invalid.class,
                        e -> assertThat(e.errors()).containsEntry("label", "admin.menus.error.label"));
        assertThatThrownBy(() -> menus.add(Menu.FOOTER, MenuItem.CATEGORY, "non-esiste", ""))
                .isInstanceOfSatisfying(MenuService.Invalid.class,
                        e -> assertThat(e.errors()).containsEntry("category", "admin.menus.error.category"));
        assertThatThrownBy(() -> menus.add("sidebar", MenuItem.LINK, "/", "Home"))
                .isInstanceOf(MenuService.Invalid.class);
        assertThat(menus.menu(Menu.FOOTER).edited()).isFalse();
        // a category named by slug takes its name when the label is empty
        menus.add(Menu.FOOTER, MenuItem.CATEGORY, "sport", "");
        assertThat(labels(Menu.FOOTER)).containsExactly("Sport");
        assertThat(menus.menu(Menu.FOOTER).entries().get(0).href()).isEqualTo("/category/sport/");
    }
}
