// Keyboard shortcuts for the moderation queue: j and k move the selection, a approves, s marks as spam, t trashes.
// Progressive enhancement only: without this file every action is a button in a plain form.
(function () {
  "use strict";
  var items = Array.prototype.slice.call(document.querySelectorAll(".queue-item"));
  if (items.length === 0) return;
  var current = -1;
  var keys = { a: "approve", s: "spam", t: "trash" };

  function select(i, focus) {
    if (i < 0 || i >= items.length) return;
    if (current >= 0) items[current].classList.remove("selected");
    current = i;
    items[i].classList.add("selected");
    if (focus) {
      items[i].focus();
      items[i].scrollIntoView({ block: "nearest" });
    }
  }

  function typing(target) {
    if (!target || !target.tagName) return false;
    var tag = target.tagName.toLowerCase();
    return tag === "input" || tag === "textarea" || tag === "select" || target.isContentEditable;
  }

  items.forEach(function (item, i) {
    item.addEventListener("focusin", function () { select(i, false); });
  });
  select(0, false);

  document.addEventListener("keydown", function (e) {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
    var key = e.key;
    if (key === "j") {
      select(current + 1, true);
    } else if (key === "k") {
      select(current - 1, true);
    } else if (keys[key]) {
      var button = items[current] && items[current].querySelector('button[data-action="' + keys[key] + '"]');
      if (!button) return;
      button.click();
    } else {
      return;
    }
    e.preventDefault();
  });
})();
