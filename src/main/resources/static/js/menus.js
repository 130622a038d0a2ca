// Drag and drop for the menu editor, as an enhancement: the buttons beside each entry do the same without it.
(function () {
  "use strict";
  var dragged = null;

  function post(menu, id, before, csrf) {
    var body = new URLSearchParams();
    body.set("menu", menu);
    body.set("action", "before");
    body.set("id", id);
    body.set("before", before);
    body.set("csrf", csrf);
    return fetch("/admin/menus", {method: "POST", body: body, credentials: "same-origin", headers: {"X-CSRF-Token": csrf}})
      .then(function () { location.reload(); });
  }

  document.querySelectorAll(".menu-items .menu-item").forEach(function (li) {
    li.setAttribute("draggable", "true");
    li.addEventListener("dragstart", function (e) {
      e.stopPropagation();
      dragged = li;
      li.classList.add("dragging");
      e.dataTransfer.effectAllowed = "move";
      e.dataTransfer.setData("text/plain", li.getAttribute("data-id"));
    });
    li.addEventListener("dragend", function () {
      li.classList.remove("dragging");
      dragged = null;
    });
    li.addEventListener("dragover", function (e) {
      if (dragged && dragged !== li) e.preventDefault();
    });
    li.addEventListener("drop", function (e) {
      e.preventDefault();
      e.stopPropagation();
      if (!dragged || dragged === li) return;
      var list = li.closest(".menu-items");
      var csrf = list.parentNode.querySelector("input[name=csrf]").value;
      post(list.getAttribute("data-menu"), dragged.getAttribute("data-id"), li.getAttribute("data-id"), csrf);
    });
  });
})();
