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
})();
