(function () {
  "use strict";
  var root = document.documentElement;
  // a failure in this script shows on the page element, where a reader or a test can find it
  window.addEventListener("error", function (event) {
    root.setAttribute("data-script-error", String(event.message));
  });

  function key(cell, numeric) {
    var raw = cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent.trim();
    if (!numeric) {
      return raw;
    }
    var number = parseFloat(raw);
    return isNaN(number) ? "" : number;
  }

  function sortBy(table, header, index) {
    var ascending = header.getAttribute("aria-sort") !== "ascending";
    var numeric = header.getAttribute("data-type") === "number";
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = key(a.cells[index], numeric);
      var y = key(b.cells[index], numeric);
      // empty cells stay last in either direction
      if (x === "" || y === "") {
        return x === y ? 0 : (x === "" ? 1 : -1);
      }
      var order = numeric ? x - y : x.localeCompare(y, undefined, { numeric: true });
      return ascending ? order : -order;
    });
    Array.prototype.forEach.call(header.parentNode.cells, function (cell) {
      cell.setAttribute("aria-sort", "none");
    });
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    rows.forEach(function (row) {
      body.appendChild(row);
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll("table.items-table"), function (table) {
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (header, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = header.textContent;
      button.title = "Sort by " + header.textContent;
      header.textContent = "";
      header.appendChild(button);
      header.setAttribute("aria-sort", "none");
      button.addEventListener("click", function () {
        sortBy(table, header, index);
      });
    });
    table.setAttribute("data-sortable", "ready");
  });
  root.setAttribute("data-ready", "true");
}());
