// The article editor's live preview and slug suggestion. Without this file the Preview button does the same on
// the server, and an empty slug is derived from the title when the article is saved.
(function () {
  "use strict";
  var form = document.querySelector("form.editor");
  var preview = document.getElementById("preview");
  if (!form || !preview || !window.fetch || !window.URLSearchParams) return;
  var token = form.querySelector("input[name=csrf]").value;
  var title = document.getElementById("title");
  var standfirst = document.getElementById("standfirst");
  var body = document.getElementById("body");
  var slug = document.getElementById("slug");
  var out = {
    title: preview.querySelector(".preview-title"),
    standfirst: preview.querySelector(".preview-standfirst"),
    body: preview.querySelector(".preview-body")
  };
  var timer = null;
  var asked = 0;

  // The same rule as the server's Slugs.of: accents dropped, anything else than a-z and 0-9 becomes a hyphen.
  function slugOf(text) {
    return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 120).replace(/-+$/, "");
  }

  function refresh() {
    var n = ++asked;
    out.title.textContent = title.value;
    out.standfirst.textContent = standfirst.value;
    slug.placeholder = slugOf(title.value);
    var data = new URLSearchParams();
    data.set("body", body.value);
    fetch(preview.getAttribute("data-endpoint"), {
      method: "POST",
      credentials: "same-origin",
      headers: { "X-CSRF-Token": token, "Content-Type": "application/x-www-form-urlencoded" },
      body: data.toString()
    }).then(function (r) {
      return r.ok ? r.json() : null;
    }).then(function (answer) {
      if (!answer || n !== asked) return; // a newer request is on its way
      out.body.innerHTML = answer.html; // sanitized by the server, as the article page shows it
      preview.hidden = !(title.value || standfirst.value || body.value);
    }).catch(function () { /* the Preview button still works */ });
  }

  function later() {
    clearTimeout(timer);
    timer = setTimeout(refresh, 300);
  }

  [title, standfirst, body].forEach(function (field) {
    field.addEventListener("input", later);
  });
  refresh();
})();
