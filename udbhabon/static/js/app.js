// Small progressive enhancements; every page works without this file.
(function () {
  "use strict";

  // Fold the header's menu behind a button on a phone (CSS hides it under .js).
  document.documentElement.classList.add("js");
  var toggle = document.querySelector(".menu-toggle");
  var menu = document.getElementById("topmenu");
  if (toggle && menu) {
    toggle.hidden = false;
    toggle.addEventListener("click", function () {
      var open = menu.classList.toggle("is-open");
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
    });
  }

  // A native file picker speaks the browser's language ("Choose Files", "No file
  // chosen"), often English on office machines. Put a button and the chosen names in
  // the page's language beside it; the input itself still carries the files.
  var words = document.documentElement.dataset;

  function enhance(input) {
    if (input.dataset.picker) return;
    input.dataset.picker = "1";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "button button--secondary filepick__button";
    button.textContent = input.multiple ? words.filesChoose : words.fileChoose;
    var names = document.createElement("span");
    names.className = "filepick__names";
    names.setAttribute("aria-live", "polite");
    names.textContent = words.fileNone;
    var box = document.createElement("span");
    box.className = "filepick";
    box.appendChild(button);
    box.appendChild(names);
    input.classList.add("visually-hidden");
    input.tabIndex = -1;
    input.insertAdjacentElement("afterend", box);
    if (input.id) {
      var label = document.querySelector('label[for="' + input.id + '"]');
      if (label) button.setAttribute("aria-label", label.textContent.trim() + ": " + button.textContent);
    }
    button.addEventListener("click", function () {
      input.click();
    });
    input.addEventListener("change", function () {
      var list = Array.prototype.map.call(input.files || [], function (f) {
        return f.name;
      });
      names.textContent = list.length ? list.join(", ") : words.fileNone;
    });
  }

  function enhanceAll(root) {
    if (root.querySelectorAll) root.querySelectorAll("input[type=file]").forEach(enhance);
  }

  enhanceAll(document);
  document.addEventListener("htmx:load", function (event) {
    enhanceAll(event.detail.elt);
  });

  // Behaviour the templates ask for by data attributes: the Content-Security-Policy
  // allows no inline handler (onchange=…) and htmx evaluates no attribute as JavaScript.

  // <select data-autosubmit>: choosing sends the form (the post switch, the year).
  document.addEventListener("change", function (event) {
    var field = event.target;
    if (field.matches && field.matches("[data-autosubmit]") && field.form) field.form.requestSubmit();
  });

  document.addEventListener("click", function (event) {
    var target = event.target;
    if (!target.closest) return;
    // <input data-select-on-click>: one click selects the whole address to copy.
    if (target.matches("[data-select-on-click]")) target.select();
    // <button data-remove-row>: a new, unsaved row of the plan is dropped.
    var remover = target.closest("[data-remove-row]");
    if (remover && remover.closest("tr")) remover.closest("tr").remove();
  });

  // Values htmx adds to a request, computed when it is sent.
  document.addEventListener("htmx:configRequest", function (event) {
    var elt = event.detail.elt;
    if (!elt || !elt.closest) return;
    var params = event.detail.parameters;
    // Inside the plan's sheet: which rows are open for editing, so a re-drawn sheet keeps them.
    var sheet = elt.closest("[data-open-rows]");
    if (sheet) {
      params.open = Array.prototype.map
        .call(sheet.querySelectorAll("tr.item--editing[data-item]"), function (row) {
          return row.dataset.item;
        })
        .join(",");
    }
    // "Add a row": a fresh key for each new row's form.
    if (elt.matches("[data-new-key]")) params.new_key = String(Date.now());
  });

  // A save that never reached the server (a dropped or timed-out connection) or failed
  // there: htmx swaps nothing, so what was typed stays in the form. Say so beside it,
  // in the page's language, and clear the notice when the next request starts.
  function notice(elt, text) {
    var form = elt.closest ? elt.closest("form") || elt : elt;
    var old = form.querySelector(":scope > .net-notice");
    if (old) old.remove();
    if (!text) return;
    var p = document.createElement("p");
    p.className = "net-notice field__error";
    p.setAttribute("role", "alert");
    p.textContent = text;
    form.insertAdjacentElement("afterbegin", p);
  }
  document.addEventListener("htmx:beforeRequest", function (event) {
    notice(event.detail.elt, "");
  });
  document.addEventListener("htmx:sendError", function (event) {
    notice(event.detail.elt, words.netDown);
  });
  document.addEventListener("htmx:timeout", function (event) {
    notice(event.detail.elt, words.netDown);
  });
  document.addEventListener("htmx:responseError", function (event) {
    if (event.detail.xhr && event.detail.xhr.status >= 500) notice(event.detail.elt, words.netFailed);
  });
})();
