// The only script of `ovbench report` (embedded into the page): sortable tables. A click on a
// header sorts its table by that column (numbers by their exact data-value, text by its text;
// "n/a" and empty cells always last); a second click reverses. Tables with data-default-sort
// are sorted by that column, descending, when the page loads. Every sorted table says how in
// data-sorted-by (the column's name) and data-sort-dir, and <html data-report-ready="N"> says
// that the script ran over N sortable tables: what a headless-browser test can check.
(function () {
  'use strict';

  function cellKey(row, column) {
    var cell = row.cells[column];
    if (!cell) return null;
    var value = cell.getAttribute('data-value');
    if (value !== null) {
      var n = parseFloat(value);
      return isNaN(n) || n === -1 ? null : n;  // -1: the reference tools' "nothing to score"
    }
    if (cell.classList.contains('empty')) return null;
    var text = cell.textContent.trim();
    return text === '' ? null : text;
  }

  function sortTable(table, column, direction) {
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {  // stable: equal rows keep their order
      var x = cellKey(a, column), y = cellKey(b, column);
      if (x === null && y === null) return 0;
      if (x === null) return 1;
      if (y === null) return -1;
      var c = (typeof x === 'number' && typeof y === 'number') ? x - y : String(x).localeCompare(String(y));
      return direction === 'asc' ? c : -c;
    });
    rows.forEach(function (r) { body.appendChild(r); });
    var headers = table.tHead.rows[0].cells;
    for (var i = 0; i < headers.length; ++i) headers[i].removeAttribute('aria-sort');
    headers[column].setAttribute('aria-sort', direction === 'asc' ? 'ascending' : 'descending');
    table.setAttribute('data-sorted-by', headers[column].getAttribute('data-column'));
    table.setAttribute('data-sort-dir', direction);
  }

  function numericColumn(table, column) {
    var rows = table.tBodies[0].rows;
    for (var i = 0; i < rows.length; ++i) {
      var key = cellKey(rows[i], column);
      if (key !== null) return typeof key === 'number';
    }
    return false;
  }

  var tables = document.querySelectorAll('table.sortable');
  tables.forEach(function (table) {
    var headers = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(headers, function (th, column) {
      th.addEventListener('click', function () {
        var current = table.getAttribute('data-sorted-by') === th.getAttribute('data-column');
        var direction;
        if (current) {
          direction = table.getAttribute('data-sort-dir') === 'asc' ? 'desc' : 'asc';
        } else {
          direction = numericColumn(table, column) ? 'desc' : 'asc';
        }
        sortTable(table, column, direction);
      });
    });
    var initial = table.getAttribute('data-default-sort');
    if (initial !== null && headers[parseInt(initial, 10)]) sortTable(table, parseInt(initial, 10), 'desc');
  });
  document.documentElement.setAttribute('data-report-ready', String(tables.length));
})();
