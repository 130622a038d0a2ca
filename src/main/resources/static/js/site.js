// Progressive enhancement only: every page and form works without this file.
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  // Copy-link button (hidden without JavaScript; the plain share links work without it).
  var copy = document.querySelector(".copy-link");
  if (copy && navigator.clipboard) {
    copy.hidden = false;
    var button = copy.querySelector("button");
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(button.getAttribute("data-url")).then(function () {
        copy.querySelector(".copy-status").textContent = button.getAttribute("data-done");
      });
    });
  }

  // A refused comment comes back at #respond (the form's action carries it) with its message autofocused;
  // focus it again once the page has loaded, in case the browser moved focus while scrolling to #respond.
  var message = document.getElementById("comment-message");
  if (message) window.addEventListener("load", function () { message.focus(); });

  // Reply links move the comment form under the comment being answered, instead of reloading the page
  // (without JavaScript the link reloads the page with ?replytocom=N, which does the same on the server).
  var respond = document.getElementById("respond");
  if (!respond) return;
  var home = document.createComment("respond-home");
  respond.parentNode.insertBefore(home, respond);
  var parentField = document.getElementById("comment_parent");
  var title = document.getElementById("reply-title");
  var originalTitle = title ? title.innerHTML : "";
  var textarea = document.getElementById("comment");

  function cancelLink(href) {
    var a = document.createElement("a");
    a.id = "cancel-comment-reply-link";
    a.rel = "nofollow";
    a.href = href;
    a.textContent = document.documentElement.lang === "en" ? "Cancel reply" : "Annulla risposta";
    a.addEventListener("click", function (e) {
      e.preventDefault();
      home.parentNode.insertBefore(respond, home.nextSibling);
      parentField.value = "0";
      title.innerHTML = originalTitle;
      textarea.focus();
    });
    return a;
  }

  document.addEventListener("click", function (e) {
    var link = e.target.closest ? e.target.closest(".comment-reply-link") : null;
    if (!link) return;
    var id = link.getAttribute("data-comment-id");
    var body = link.closest(".comment-body");
    if (!id || !body) return;
    e.preventDefault();
    body.parentNode.insertBefore(respond, body.nextSibling);
    parentField.value = id;
    var label = link.getAttribute("aria-label") || link.textContent;
    title.textContent = label + " ";
    var small = document.createElement("small");
    small.appendChild(cancelLink(location.pathname + "#respond"));
    title.appendChild(small);
    textarea.focus();
  });
})();
