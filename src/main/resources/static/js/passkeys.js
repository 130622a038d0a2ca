// Passkeys (WebAuthn) in the back office: signing in with a passkey, using one as the second factor, and adding
// one on the profile page. Each box marked data-passkey-mode stays hidden unless this browser has WebAuthn; the
// forms beside it (password, codes) work without this file.
(function () {
  "use strict";
  if (!window.PublicKeyCredential || !window.fetch || !navigator.credentials) return;

  function toBytes(text) {
    var s = text.replace(/-/g, "+").replace(/_/g, "/");
    while (s.length % 4) s += "=";
    var raw = atob(s);
    var out = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
    return out.buffer;
  }

  function toText(buffer) {
    var bytes = new Uint8Array(buffer);
    var raw = "";
    for (var i = 0; i < bytes.length; i++) raw += String.fromCharCode(bytes[i]);
    return btoa(raw).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function token() {
    var field = document.querySelector("input[name=csrf]");
    return field ? field.value : "";
  }

  function post(url, body) {
    return fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: {"Content-Type": "application/json", "X-CSRF-Token": token()},
      body: JSON.stringify(body)
    }).then(function (r) {
      return r.json().then(function (j) {
        if (!r.ok) throw new Error(j.message || String(r.status));
        return j;
      });
    });
  }

  function ids(list) {
    (list || []).forEach(function (c) { c.id = toBytes(c.id); });
  }

  function answer(credential) {
    var r = credential.response;
    var out = {id: credential.id, type: credential.type, response: {clientDataJSON: toText(r.clientDataJSON)}};
    if (r.attestationObject) out.response.attestationObject = toText(r.attestationObject);
    if (r.authenticatorData) {
      out.response.authenticatorData = toText(r.authenticatorData);
      out.response.signature = toText(r.signature);
      out.response.userHandle = r.userHandle ? toText(r.userHandle) : null;
    }
    return out;
  }

  function register(box) {
    var name = document.getElementById("passkey-name");
    return post("/admin/profile/passkeys/options", {}).then(function (o) {
      o.challenge = toBytes(o.challenge);
      o.user.id = toBytes(o.user.id);
      ids(o.excludeCredentials);
      return navigator.credentials.create({publicKey: o});
    }).then(function (credential) {
      return post("/admin/profile/passkeys", {name: name ? name.value : "", credential: answer(credential)});
    });
  }

  function signIn(mode) {
    var next = document.querySelector("input[name=next]");
    return post("/admin/login/passkey/options", {mode: mode}).then(function (o) {
      o.challenge = toBytes(o.challenge);
      ids(o.allowCredentials);
      return navigator.credentials.get({publicKey: o});
    }).then(function (credential) {
      return post("/admin/login/passkey", {mode: mode, next: next ? next.value : "", credential: answer(credential)});
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-passkey-mode]"), function (box) {
    var mode = box.getAttribute("data-passkey-mode");
    var button = box.querySelector(".passkey-button");
    var status = box.querySelector(".passkey-status");
    box.hidden = false;
    button.addEventListener("click", function () {
      status.textContent = "";
      button.disabled = true;
      (mode === "register" ? register(box) : signIn(mode)).then(function (r) {
        window.location.assign(r.redirect);
      }).catch(function (e) {
        button.disabled = false;
        status.textContent = box.getAttribute("data-error") + " (" + e.message + ")";
      });
    });
  });
})();
