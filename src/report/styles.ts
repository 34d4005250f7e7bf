/** The page's inline style sheet: system Chinese fonts, screen layout and a print layout. */
export const STYLES = String.raw`
:root {
  --ink: #1d2430; --muted: #5b6472; --line: #d8dde4; --bg: #f4f6f9; --card: #fff;
  --brand: #1f4e79; --past: #c62828; --past-bg: #fdecea; --upcoming: #3f7fbf;
  --lead: #1f4e79; --responsible: #4f8fd0; --support: #9cc3e8; --guide: #b8c2cc;
  --font: system-ui, -apple-system, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC",
    "Source Han Sans SC", "WenQuanYi Micro Hei", "Heiti SC", sans-serif;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; font: 14px/1.6 var(--font); color: var(--ink); background: var(--bg); }
main, header.page, nav.toc, footer.page { max-width: 1320px; margin: 0 auto; padding: 0 20px; }
header.page { padding-top: 20px; }
h1 { font-size: 22px; margin: 0 0 4px; color: var(--brand); }
h2 { font-size: 18px; margin: 0 0 12px; color: var(--brand); }
h3 { font-size: 15px; margin: 0 0 8px; }
.sub { color: var(--muted); margin: 0 0 12px; }
.tiles { display: flex; flex-wrap: wrap; gap: 10px; margin: 12px 0; padding: 0; list-style: none; }
.tiles li { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 8px 14px; min-width: 120px; }
.tiles b { display: block; font-size: 22px; line-height: 1.2; }
.tiles .warn b { color: var(--past); }
nav.toc ul { display: flex; flex-wrap: wrap; gap: 4px 16px; list-style: none; padding: 0; margin: 0 0 8px; }
nav.toc a { color: var(--brand); }
section.block { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 16px 18px; margin: 16px 0; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(380px, 100%), 1fr)); gap: 14px; }
.card { border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; }
.cards.single { grid-template-columns: 1fr; }
.cards.single .card { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 0 28px; align-items: start; }
.cards.single .card > h3, .cards.single .card > .stats { grid-column: 1 / -1; }
.cards.single details.tree { margin-top: 0; }
.card .stats { margin: 0 0 8px; color: var(--muted); display: flex; gap: 12px; }
dl.meta { margin: 0; display: grid; grid-template-columns: 1fr; gap: 2px; }
dl.meta div { display: grid; grid-template-columns: 5.5em 1fr; gap: 8px; }
dl.meta dt { color: var(--muted); }
dl.meta dd { margin: 0; overflow-wrap: anywhere; }
.plain { margin: 0; padding-left: 1.2em; }
.none, .empty { color: var(--muted); }
details.tree { margin-top: 8px; }
details.tree ul { margin: 2px 0; padding-left: 1.3em; }
details.tree .marker { color: var(--muted); margin-right: 2px; }
summary { cursor: pointer; color: var(--brand); }
.scroll { overflow-x: auto; }
.scroll.tall { max-height: 30em; overflow-y: auto; }
table { border-collapse: collapse; width: 100%; }
caption { text-align: left; color: var(--muted); padding: 4px 0 8px; caption-side: top; }
th, td { border-bottom: 1px solid var(--line); padding: 6px 8px; text-align: left; vertical-align: top; }
thead th { background: #eef2f7; position: sticky; top: 0; z-index: 1; white-space: nowrap; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
button { font: inherit; }
button.sort { border: 0; background: none; padding: 0; font-weight: 600; color: var(--ink); cursor: pointer; }
th[aria-sort="ascending"] .arrow::after { content: " ▲"; }
th[aria-sort="descending"] .arrow::after { content: " ▼"; }
.controls { display: flex; flex-wrap: wrap; gap: 8px 14px; align-items: center; margin-bottom: 8px; }
.controls input[type=search] { width: 16em; }
.controls input, .controls select, .controls button { font: inherit; padding: 3px 6px; border: 1px solid var(--line); border-radius: 5px; background: #fff; }
.controls select { max-width: 18em; }
.controls .check input { vertical-align: middle; }
#f-count { color: var(--muted); margin-left: auto; }
table.tasks { font-size: 13px; }
table.tasks td.units { min-width: 10em; }
table.tasks td.task { min-width: 22em; }
table.tasks .tid { white-space: nowrap; font-weight: 600; }
table.tasks .doc { min-width: 12.5em; max-width: 14em; color: var(--muted); font-size: 12px; }
table.tasks td:nth-last-child(2) { white-space: nowrap; }
.path { color: var(--muted); font-size: 12px; }
.ttitle { font-weight: 600; }
details.text p { margin: 4px 0 0; white-space: pre-wrap; }
.chip { display: inline-block; border: 1px solid var(--line); background: #f7f9fc; border-radius: 10px; padding: 0 7px; margin: 1px 3px 1px 0; font-size: 12px; cursor: pointer; color: var(--ink); text-align: left; }
.chip.on { background: #dde9f6; border-color: var(--brand); color: var(--brand); }
.chip:hover, .unit-link:hover { border-color: var(--brand); color: var(--brand); }
.due { display: block; }
.due.past { color: var(--past); font-weight: 600; }
tr.past-due { background: var(--past-bg); }
tr.flash { outline: 3px solid #f2b705; }
.unit-link { border: 0; background: none; padding: 0; color: var(--brand); cursor: pointer; text-align: left; font-weight: 600; }
.unit-link[aria-pressed="true"] { text-decoration: underline; }
tr[data-unit-row]:has(.unit-link[aria-pressed="true"]) { background: #e7f0fa; }
.variants { display: block; font-weight: normal; font-size: 12px; color: var(--muted); }
table.units td.total { font-weight: 600; }
table.units td.chart { width: 170px; }
.legend { display: flex; gap: 14px; color: var(--muted); font-size: 12px; margin-bottom: 4px; }
.sw { display: inline-block; width: 10px; height: 10px; margin-right: 4px; border-radius: 2px; }
.r-lead { fill: var(--lead); background: var(--lead); }
.r-responsible { fill: var(--responsible); background: var(--responsible); }
.r-support { fill: var(--support); background: var(--support); }
.r-guide { fill: var(--guide); background: var(--guide); }
svg.timeline { display: block; font-family: var(--font); }
svg.timeline .axis { stroke: #9aa3ad; }
svg.timeline .upcoming { fill: var(--upcoming); }
svg.timeline .past { fill: var(--past); }
svg.timeline .hit { fill: transparent; }
svg.timeline .bar { cursor: pointer; outline: none; }
svg.timeline .bar:hover .hit, svg.timeline .bar:focus .hit { fill: #eef2f7; }
svg.timeline .bar.active .hit { fill: #dde9f6; }
svg.timeline text { font-size: 11px; text-anchor: middle; fill: var(--ink); }
svg.timeline .year { fill: var(--muted); }
svg.timeline .count { font-weight: 600; }
svg.timeline .today { stroke: var(--past); stroke-dasharray: 3 3; }
svg.timeline .today-label { fill: var(--past); }
.tl-legend { color: var(--muted); font-size: 12px; }
.tl-legend .sw.past { background: var(--past); }
.tl-legend .sw.upcoming { background: var(--upcoming); }
.qgrid { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(380px, 100%), 1fr)); gap: 14px; }
.qbox ul { margin: 0; padding-left: 1.2em; }
.qbox .line { color: var(--muted); font-size: 12px; }
.qbox { margin-bottom: 10px; }
.qbox .detail { color: var(--muted); font-size: 12px; }
table.compare { table-layout: fixed; width: 100%; min-width: 760px; }
table.compare col.task { width: 26%; }
table.compare col.score { width: 7%; }
table.compare col.shared { width: 13%; }
table.compare col.changes { width: 28%; }
table.compare td { overflow-wrap: anywhere; vertical-align: top; }
table.qsum { width: auto; min-width: 50%; margin-bottom: 12px; }
table.qsum td.bad { color: var(--past); font-weight: 600; }
.badge { display: inline-block; min-width: 1.8em; text-align: center; border-radius: 9px; background: #e3e8ee; font-size: 12px; padding: 0 6px; }
.qbox .alarm { color: var(--past); background: var(--past-bg); padding: 4px 8px; border-radius: 4px; margin: 4px 0; }
.badge.warn { background: var(--past-bg); color: var(--past); }
.tid { font-variant-numeric: tabular-nums; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.print-only { display: none; }
footer.page { color: var(--muted); font-size: 12px; padding-bottom: 24px; }
.toolbar { float: right; }
.toolbar button { border: 1px solid var(--line); border-radius: 5px; background: #fff; padding: 3px 10px; cursor: pointer; }
html:not(.js) .controls, html:not(.js) .toolbar { display: none; }
table.units th[scope="row"] { min-width: 9em; }
@media (max-width: 640px) {
  main, header.page, nav.toc, footer.page { padding: 0 8px; }
  section.block { padding: 12px 10px; }
  table.units td.chart, table.units thead th:last-child { display: none; }
  .tiles li { min-width: 96px; }
  .cards.single .card { display: block; }
}
@media print {
  @page { size: A4 landscape; margin: 12mm; }
  body { background: #fff; font-size: 11px; }
  nav.toc, .controls, .toolbar, #f-none, details.text { display: none !important; }
  .print-only { display: block; }
  section.block { border: 0; padding: 0; margin: 0 0 10mm; }
  .cards { display: block; }
  .card { break-inside: avoid; margin-bottom: 6mm; }
  thead { display: table-header-group; }
  thead th { position: static; }
  tr { break-inside: avoid; }
  .scroll, .scroll.tall { overflow: visible; max-height: none; }
  .chip, .unit-link { border: 0; padding: 0; background: none; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;
