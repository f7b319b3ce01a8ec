//! The pages' inline style sheet and the index's sorting script (no external asset).

/// The style sheet of every page. CJK faces first (the system's: no web font is
/// fetched), tables with the borders of the official template, failed cells loud,
/// passed figures of the narrative subtle.
pub const CSS: &str = r#"body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "SimSun", sans-serif; margin: 0 auto; max-width: 1200px; padding: 0 16px 32px; color: #111; line-height: 1.6; }
h1 { font-size: 1.5em; text-align: center; margin: 0.6em 0 0.3em; }
h2 { font-size: 1.15em; margin: 1.4em 0 0.4em; }
h2.not-found, p.not-found { color: #888; }
small { color: #666; font-weight: normal; }
header nav { font-size: 0.9em; margin: 0.5em 0 1em; }
dl.meta { display: grid; grid-template-columns: max-content auto; gap: 0 12px; font-size: 0.9em; margin: 0; }
dl.meta dt { color: #555; }
dl.meta dd { margin: 0; }
dd.bad { color: #b00020; font-weight: bold; }
p { white-space: pre-wrap; margin: 0.3em 0; text-indent: 2em; }
table { border-collapse: collapse; margin: 0.8em auto; font-size: 0.85em; }
caption { font-weight: bold; padding: 4px; }
th, td { border: 1px solid #333; padding: 2px 6px; white-space: pre-wrap; }
th { font-weight: normal; background: #f6f6f6; }
th.label { text-align: left; }
tr.block th { text-align: left; font-weight: bold; }
td.v { text-align: center; min-width: 3.5em; font-variant-numeric: tabular-nums; }
td.missing, tr.missing-row th { background: #eee; color: #888; }
td.placed { text-decoration: underline dotted #666; }
td.failed { background: #ffd6d6; outline: 2px solid #d00000; outline-offset: -2px; font-weight: bold; }
td:target, tr:target, h2:target, mark:target { box-shadow: 0 0 0 3px #1a73e8; }
span.ann, span.ph, span.txt { color: #555; }
tr.note td { text-align: left; }
mark.claim { background: none; border-bottom: 1px dotted #2e7d32; }
mark.claim.not-assessable { border-bottom: 1px dotted #999; }
mark.claim.failed { background: #ffd6d6; border-bottom: 2px solid #d00000; font-weight: bold; }
table.findings td, table.findings th, table.index td, table.index th { text-align: left; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
tr.failed td:first-child { color: #b00020; font-weight: bold; }
tr.passed td:first-child { color: #2e7d32; }
tr.not-assessable td:first-child { color: #777; }
ol.diagnostics li.warning .severity { color: #a15c00; font-weight: bold; }
ol.diagnostics li.info .severity { color: #555; }
table.index th { cursor: pointer; }
table.index th[aria-sort="ascending"]::after { content: " ▲"; }
table.index th[aria-sort="descending"]::after { content: " ▼"; }
footer { color: #888; font-size: 0.8em; margin-top: 2em; }
"#;

/// The index page's script: a click on a column header sorts the table's rows by
/// that column (numbers as numbers, a blank last), a second click reverses.
pub const SORT_JS: &str = r#"(function () {
  document.querySelectorAll("table.index").forEach(function (table) {
    var heads = table.querySelectorAll("thead th");
    heads.forEach(function (th, col) {
      th.addEventListener("click", function () {
        var up = th.getAttribute("aria-sort") !== "ascending";
        heads.forEach(function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", up ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        var key = function (row) {
          var cell = row.cells[col];
          var v = cell.getAttribute("data-sort");
          return v === null ? cell.textContent : v;
        };
        var numeric = th.getAttribute("data-type") === "number";
        rows.sort(function (a, b) {
          var x = key(a), y = key(b);
          if (x === "" || y === "") { return x === y ? 0 : (x === "" ? 1 : -1); }
          var c = numeric ? Number(x) - Number(y) : x.localeCompare(y, "zh-CN");
          return up ? c : -c;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  });
})();
"#;
