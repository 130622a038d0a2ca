-- Menus: the primary (header) and footer menus, items in order with one level of nesting. A menu with a row in
-- menus has been edited; a menu without one shows its default (the categories that have articles).
CREATE TABLE menus (
    name       TEXT PRIMARY KEY,
    edited_at  INTEGER NOT NULL
);

CREATE TABLE menu_items (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    menu      TEXT NOT NULL,
    parent_id INTEGER REFERENCES menu_items(id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    kind      TEXT NOT NULL,
    target    TEXT NOT NULL,
    label     TEXT NOT NULL
);
CREATE INDEX menu_items_by_menu ON menu_items (menu, position);

-- A reply written by a signed-in staff account from the moderation queue carries the newsroom's mark.
ALTER TABLE comments ADD COLUMN staff INTEGER NOT NULL DEFAULT 0;
