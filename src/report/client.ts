/**
 * The page's only script, inlined as a string (the report must be one file that opens from disk
 * and makes no requests). Plain ES2019 so old office browsers run it; it filters and sorts the
 * rows the server rendered and reads the embedded JSON for the search index and the download.
 */
export const CLIENT_SCRIPT = String.raw`(function () {
  "use strict";
  var $ = function (s) { return document.querySelector(s); };
  var norm = function (s) { return String(s == null ? "" : s).normalize("NFKC").toLowerCase().replace(/\s+/g, ""); };
  var dataEl = document.getElementById("gongkai-data");
  var data = [];
  try { data = JSON.parse(dataEl ? dataEl.textContent : "[]"); } catch (e) { data = []; }
  var table = document.getElementById("task-table");
  if (!table) return;
  document.documentElement.classList.add("js");
  var tbody = table.tBodies[0];
  var rows = Array.prototype.slice.call(tbody.rows);
  var info = new Map();
  data.forEach(function (r, d) {
    var doc = r.document || {};
    (r.tasks || []).forEach(function (t, i) {
      var parts = [t.id, t.marker, t.title, t.text, doc.title, doc.docNumber && doc.docNumber.raw]
        .concat(t.path, t.leadUnits, t.responsibleUnits, t.supportUnits, t.guideUnits,
          t.deadlines.map(function (x) { return x.raw + " " + x.date; }));
      info.set("d" + d + "t" + i, norm(parts.join(" ")));
    });
  });
  var meta = new Map();
  rows.forEach(function (tr, i) {
    meta.set(tr, {
      i: i,
      text: info.get(tr.dataset.ref) || norm(tr.textContent),
      units: JSON.parse(tr.dataset.units || "[]"),
      months: JSON.parse(tr.dataset.months || "[]"),
    });
  });
  var f = { search: $("#f-search"), unit: $("#f-unit"), month: $("#f-month"), doc: $("#f-doc"), past: $("#f-past") };
  var label = function (sel) { var o = sel && sel.selectedOptions[0]; return o && sel.value ? o.textContent : ""; };

  var litUnit = "";
  var chipsOf = function (u) {
    return u ? table.querySelectorAll('.chip[data-unit="' + CSS.escape(u) + '"]') : [];
  };

  function apply() {
    var q = norm(f.search.value), unit = f.unit.value, month = f.month.value;
    var doc = f.doc ? f.doc.value : "", past = f.past.checked, shown = 0;
    rows.forEach(function (tr) {
      var m = meta.get(tr);
      var ok = (!q || m.text.indexOf(q) >= 0) &&
        (!unit || m.units.indexOf(unit) >= 0) &&
        (!month || (month === "none" ? m.months.length === 0 : m.months.indexOf(month) >= 0)) &&
        (!doc || tr.dataset.doc === doc) &&
        (!past || tr.dataset.past === "1");
      if (tr.hidden === ok) tr.hidden = !ok; // touch only rows that change: big tables re-layout on every write
      if (ok) shown++;
    });
    var filtered = shown !== rows.length;
    $("#f-count").textContent = filtered ? "显示 " + shown + " / " + rows.length + " 项任务" : "共 " + rows.length + " 项任务";
    $("#f-none").hidden = shown > 0 || rows.length === 0;
    document.querySelectorAll(".unit-link").forEach(function (b) {
      b.setAttribute("aria-pressed", String(b.dataset.unit === unit));
    });
    if (unit !== litUnit) {
      chipsOf(litUnit).forEach(function (b) { b.classList.remove("on"); });
      chipsOf(unit).forEach(function (b) { b.classList.add("on"); });
      litUnit = unit;
    }
    document.querySelectorAll(".timeline .bar").forEach(function (g) {
      g.classList.toggle("active", g.getAttribute("data-month") === month);
    });
    var desc = [f.search.value && "搜索“" + f.search.value + "”", label(f.unit) && "单位：" + label(f.unit),
      label(f.month) && "月份：" + label(f.month), label(f.doc) && "文件：" + label(f.doc), past && "仅已逾期"].filter(Boolean);
    $("#f-print").textContent = desc.length ? "筛选条件：" + desc.join("；") + "（" + shown + " 项）" : "";
  }

  function reset() {
    f.search.value = ""; f.unit.value = ""; f.month.value = ""; f.past.checked = false;
    if (f.doc) f.doc.value = "";
    apply();
  }

  var collator = new Intl.Collator("zh-CN", { numeric: true });
  table.tHead.addEventListener("click", function (e) {
    var b = e.target.closest("button.sort");
    if (!b) return;
    var th = b.parentElement, col = th.cellIndex, num = b.dataset.type === "num";
    var dir = th.getAttribute("aria-sort") === "ascending" ? -1 : 1;
    table.tHead.querySelectorAll("th").forEach(function (h) { h.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", dir === 1 ? "ascending" : "descending");
    var key = function (tr) { var v = tr.cells[col].dataset.sort || ""; return num ? Number(v) : v; };
    var frag = document.createDocumentFragment();
    rows.slice().sort(function (a, b2) {
      var ka = key(a), kb = key(b2);
      var c = num ? ka - kb : collator.compare(ka, kb);
      return c * dir || meta.get(a).i - meta.get(b2).i;
    }).forEach(function (tr) { frag.appendChild(tr); });
    tbody.appendChild(frag);
  });

  document.addEventListener("click", function (e) {
    var u = e.target.closest("[data-unit]");
    if (u) {
      var same = f.unit.value === u.dataset.unit && u.classList.contains("unit-link");
      f.unit.value = same ? "" : u.dataset.unit;
      apply();
      if (u.classList.contains("unit-link") && !same) document.getElementById("tasks").scrollIntoView({ block: "start" });
      return;
    }
    var g = e.target.closest(".timeline .bar");
    if (g) { pickMonth(g); return; }
    var go = e.target.closest("[data-goto]");
    if (go) {
      reset(); // the row may be filtered out
      var row = document.getElementById("task-" + go.dataset.goto);
      if (row) { row.classList.remove("flash"); void row.offsetWidth; row.classList.add("flash"); }
    }
  });
  function pickMonth(g) {
    var m = g.getAttribute("data-month");
    f.month.value = f.month.value === m ? "" : m; // a month without tasks has no option: selects "all"
    apply();
  }
  document.querySelectorAll(".timeline .bar").forEach(function (g) {
    g.addEventListener("keydown", function (e) {
      if (e.key === "Enter" || e.key === " ") { e.preventDefault(); pickMonth(g); }
    });
  });
  ["input", "change"].forEach(function (ev) { $(".controls").addEventListener(ev, apply); });
  $("#f-reset").addEventListener("click", reset);
  $(".controls").addEventListener("submit", function (e) { e.preventDefault(); });
  var pr = document.getElementById("print");
  if (pr) pr.addEventListener("click", function () { window.print(); });

  var dl = document.getElementById("dl-json");
  if (dl && dataEl) dl.addEventListener("click", function () {
    var url = URL.createObjectURL(new Blob([dataEl.textContent], { type: "application/json" }));
    var a = document.createElement("a");
    a.href = url; a.download = "gongkai-report.json";
    document.body.appendChild(a); a.click(); a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  });

  // Closed <details> print as their summary only: unfold trees and lists while printing.
  var opened = [];
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details.fold:not([open])").forEach(function (d) { d.open = true; opened.push(d); });
  });
  window.addEventListener("afterprint", function () { opened.forEach(function (d) { d.open = false; }); opened = []; });
  apply();
})();`;
