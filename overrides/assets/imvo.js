/* Progressive enhancement of the overview table: sorting by column, filtering by status,
   sector and year. The full table is in the HTML; without this script it is simply shown
   whole. The filter form is in the page, hidden until this script shows it. */
(function () {
  "use strict";

  function cellValue(row, index) {
    var cell = row.cells[index];
    if (!cell) return "";
    var time = cell.querySelector("time");
    return (time ? time.getAttribute("datetime") : cell.textContent).trim();
  }

  function compare(a, b) {
    var x = Number(a), y = Number(b);
    if (a !== "" && b !== "" && !isNaN(x) && !isNaN(y)) return x - y;
    return a.localeCompare(b, document.documentElement.lang || undefined, {
      sensitivity: "base",
    });
  }

  function enhanceSort(table) {
    var headers = table.tHead ? table.tHead.rows[0].cells : [];
    Array.prototype.forEach.call(headers, function (th, index) {
      var button = document.createElement("button");
      button.type = "button";
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(headers, function (other) {
          other.removeAttribute("aria-sort");
        });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (r1, r2) {
          var result = compare(cellValue(r1, index), cellValue(r2, index));
          return ascending ? result : -result;
        });
        rows.forEach(function (row) {
          body.appendChild(row);
        });
      });
    });
  }

  function enhanceFilter(table, form) {
    var selects = form.querySelectorAll("select[data-filter]");
    var output = form.querySelector("output");
    var rows = table.tBodies[0].rows;

    function apply() {
      var shown = 0;
      Array.prototype.forEach.call(rows, function (row) {
        var visible = Array.prototype.every.call(selects, function (select) {
          return !select.value || row.getAttribute("data-" + select.name) === select.value;
        });
        row.hidden = !visible;
        if (visible) shown += 1;
      });
      if (output) {
        output.textContent = (output.getAttribute("data-value") || "")
          .replace("{n}", String(shown))
          .replace("{m}", String(rows.length));
      }
    }

    Array.prototype.forEach.call(selects, function (select) {
      select.addEventListener("change", apply);
    });
    var reset = form.querySelector('button[data-filter="reset"]');
    if (reset) {
      reset.addEventListener("click", function () {
        Array.prototype.forEach.call(selects, function (select) {
          select.value = "";
        });
        apply();
      });
    }
    form.addEventListener("submit", function (event) {
      event.preventDefault();
    });
    form.hidden = false;
    apply();
  }

  function init() {
    var table = document.querySelector("table[data-imvo-table]");
    if (!table || table.getAttribute("data-enhanced")) return;
    table.setAttribute("data-enhanced", "true");
    enhanceSort(table);
    var form = document.querySelector("form.imvo-filter");
    if (form) enhanceFilter(table, form);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
