// The editor's media picker: "Insert" puts an image's Markdown into the body at the cursor, and warns at once
// when the image has no alt text. Without this file the buttons stay hidden and the picker shows the Markdown to
// copy; the server warns about images without alt text when the article is saved or previewed.
(function () {
  "use strict";
  var body = document.getElementById("body");
  var picker = document.getElementById("media-picker");
  if (!body || !picker) return;
  var warning = document.createElement("p");
  warning.className = "field-error";
  warning.setAttribute("role", "status");
  warning.id = "insert-warning";
  picker.appendChild(warning);

  picker.querySelectorAll("button.insert-image").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      var text = button.getAttribute("data-markdown");
      var start = body.selectionStart, end = body.selectionEnd;
      var before = body.value.slice(0, start), after = body.value.slice(end);
      var lead = before && !/\n\n$/.test(before) ? (/\n$/.test(before) ? "\n" : "\n\n") : "";
      var insert = lead + text + "\n\n";
      body.value = before + insert + after;
      body.selectionStart = body.selectionEnd = start + insert.length;
      body.dispatchEvent(new Event("input"));
      body.focus();
      warning.textContent = button.getAttribute("data-alt") === "1" ? "" : picker.getAttribute("data-no-alt");
    });
  });
})();
