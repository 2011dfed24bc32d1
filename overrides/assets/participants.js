/* "Is my organisation taking part?": filter the A-Z list of participants as the reader
   types. The whole list is in the HTML; without this script it is simply shown whole. Each
   organisation carries its names in normal form (data-names, written by
   imvo/participants.py); the query is brought into the same form here: no accents, lower
   case, no legal forms (the list of those comes from the page), words only. A query matches
   where it starts a word of a name, so "ing" finds ING but not "Woningfonds". */
(function () {
  "use strict";

  var form = document.querySelector("form.imvo-find");
  if (!form) return;
  var input = form.querySelector("input");
  var output = form.querySelector("output");
  var items = Array.prototype.slice.call(document.querySelectorAll("li.imvo-org"));
  var sections = Array.prototype.slice.call(document.querySelectorAll("section.imvo-letter"));
  var legal = {};
  (form.getAttribute("data-legal-forms") || "").split(" ").forEach(function (word) {
    if (word) legal[word] = true;
  });
  var names = items.map(function (item) {
    return " " + (item.getAttribute("data-names") || "");
  });

  function normal(text) {
    var plain = text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
    plain = plain.replace(/\b(?:[a-z]\.){2,}/g, function (dotted) {
      return dotted.replace(/\./g, "") + " ";
    });
    return plain
      .split(/[^0-9a-z]+/)
      .filter(function (word) {
        return word && !legal[word];
      })
      .join(" ");
  }

  function announce(shown) {
    if (shown === null) {
      output.textContent = "";
    } else if (shown === 0) {
      output.textContent = output.getAttribute("data-none");
    } else if (shown === 1) {
      output.textContent = output.getAttribute("data-one");
    } else {
      output.textContent = output.getAttribute("data-value").replace("{n}", String(shown));
    }
  }

  function apply() {
    var query = normal(input.value);
    var shown = 0;
    items.forEach(function (item, index) {
      var match = !query || names[index].indexOf(" " + query) !== -1;
      item.hidden = !match;
      if (match) shown += 1;
    });
    sections.forEach(function (section) {
      section.hidden = !section.querySelector("li.imvo-org:not([hidden])");
    });
    announce(query ? shown : null);
  }

  var timer = null;
  input.addEventListener("input", function () {
    // Wait for a pause in typing, so that a screen reader announces one count, not one a key.
    clearTimeout(timer);
    timer = setTimeout(apply, 250);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(timer);
    apply();
  });
  form.hidden = false;
  // A search from the home page comes as ?q=name: fill it in and filter at once (without
  // JavaScript the page shows its whole A-Z list).
  var asked = new URLSearchParams(window.location.search).get("q");
  if (asked && !input.value) input.value = asked;
  if (input.value) apply();
})();
