// The minutes editor (meetings/minutes.html), on top of htmx's autosave:
// - a visible "saved / not saved yet" line;
// - a local draft of every field (localStorage) kept until the server has exactly that
//   text, restored after a dropped connection or a closed tab, then saved;
// - retries when the connection comes back;
// - the server's 409 (someone else changed this part) and 400 answers are shown.
// Without this file the page still works: the form posts normally.
(function () {
  "use strict";
  var form = document.getElementById("minutes-form");
  var status = document.getElementById("save-status");
  if (!form || !status || !window.htmx) return;

  var prefix = "udbhabon:minutes:" + form.dataset.meeting + ":";
  var store = null;
  try {
    localStorage.setItem(prefix + "probe", "1");
    localStorage.removeItem(prefix + "probe");
    store = localStorage;
  } catch (e) {
    store = null; // private mode or storage disabled: autosave still works
  }
  var pending = new Set(); // parts whose save did not reach the server

  function partOf(el) {
    return el && el.closest ? el.closest("[data-part]") : null;
  }
  function versionInput(part) {
    return document.getElementById("id_" + part.dataset.part + "-version");
  }
  function fields(part) {
    return part.querySelectorAll("input:not([type=hidden]), textarea, select");
  }
  function setState(state, text) {
    status.dataset.state = state;
    if (text) status.textContent = text;
  }

  function keep(el) {
    var part = partOf(el);
    if (!store || !part || !el.name) return;
    var version = versionInput(part);
    store.setItem(
      prefix + el.name,
      JSON.stringify({ value: el.value, version: version ? version.value : "", at: Date.now() })
    );
  }
  function forget(part) {
    if (!store) return;
    fields(part).forEach(function (el) {
      var raw = store.getItem(prefix + el.name);
      if (!raw) return;
      try {
        if (JSON.parse(raw).value === el.value) store.removeItem(prefix + el.name);
      } catch (e) {
        store.removeItem(prefix + el.name);
      }
    });
  }

  form.addEventListener("input", function (event) {
    if (!partOf(event.target)) return;
    keep(event.target);
    setState("unsaved", form.dataset.textUnsaved);
  });

  // A draft that differs from the page goes back into its field together with the
  // version it was typed on, so the server compares it with any newer text and answers
  // 409 instead of overwriting someone else's later edit.
  var restored = [];
  if (store) {
    form.querySelectorAll("[data-part]").forEach(function (part) {
      var changed = false;
      fields(part).forEach(function (el) {
        var raw = store.getItem(prefix + el.name);
        if (!raw) return;
        var draft;
        try {
          draft = JSON.parse(raw);
        } catch (e) {
          store.removeItem(prefix + el.name);
          return;
        }
        if (draft.value === el.value) {
          store.removeItem(prefix + el.name);
          return;
        }
        el.value = draft.value;
        var version = versionInput(part);
        if (version && draft.version) version.value = draft.version;
        changed = true;
      });
      if (changed) {
        restored.push(part);
        var details = part.closest("details");
        if (details) details.open = true;
      }
    });
  }

  function retry() {
    pending.forEach(function (part) {
      htmx.trigger(part, "retry");
    });
  }

  document.body.addEventListener("htmx:beforeRequest", function (event) {
    if (partOf(event.detail.elt) === event.detail.elt) setState("saving", form.dataset.textSaving);
  });
  // htmx does not swap 4xx answers by default; the editor's 409 and 400 carry the message.
  document.body.addEventListener("htmx:beforeSwap", function (event) {
    var code = event.detail.xhr.status;
    if (code === 409 || code === 400) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });
  document.body.addEventListener("htmx:afterSwap", function (event) {
    if (event.detail.target !== status) return;
    var answer = status.querySelector("[data-state]");
    status.dataset.state = answer ? answer.dataset.state : "saved";
  });
  document.body.addEventListener("htmx:afterRequest", function (event) {
    var part = event.detail.elt;
    if (!part.dataset || !part.dataset.part) return;
    var code = event.detail.xhr ? event.detail.xhr.status : 0;
    if (code === 200) {
      pending.delete(part);
      forget(part);
    } else if (code === 0) {
      pending.add(part);
      setState("offline", form.dataset.textOffline);
    } else if (code >= 500) {
      pending.add(part);
      setState("error", form.dataset.textError);
    }
  });
  window.addEventListener("online", retry);
  window.setInterval(function () {
    if (pending.size && navigator.onLine !== false) retry();
  }, 15000);

  // "Replace theirs with my text": save again on top of the newer version, on purpose.
  form.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("[data-keep-mine]") : null;
    if (!button) return;
    var part = document.querySelector('[data-part="' + button.dataset.keepMine + '"]');
    var version = part && versionInput(part);
    if (!version) return;
    version.value = button.dataset.version;
    fields(part).forEach(keep);
    htmx.trigger(part, "retry");
  });

  // After htmx has processed the page (its DOMContentLoaded handler ran first).
  document.addEventListener("DOMContentLoaded", function () {
    window.setTimeout(function () {
      if (!restored.length) return;
      setState("restored", form.dataset.textRestored);
      restored.forEach(function (part) {
        htmx.trigger(part, "retry");
      });
    }, 0);
  });
})();
