/** 通知概要 (notice header card) and 结构 (section tree) for one Result. */
import type { Result, Section } from "../schema.js";
import { escapeHtml } from "./escape.js";
import { docLabel } from "./model.js";

const dash = `<span class="none">—</span>`;
const text = (s: string | null | undefined): string => (s ? escapeHtml(s) : dash);
const list = (items: readonly string[]): string => (items.length ? items.map(escapeHtml).join("、") : dash);

function sectionTree(sections: readonly Section[]): string {
  if (sections.length === 0) return "";
  const items = sections.map(
    (s) => `<li><span class="marker">${escapeHtml(s.marker)}</span>${escapeHtml(s.title)}${sectionTree(s.children)}</li>`,
  );
  return `<ul>${items.join("")}</ul>`;
}

const countSections = (sections: readonly Section[]): number =>
  sections.reduce((n, s) => n + 1 + countSections(s.children), 0);

/** `openTree`: show the section tree unfolded (one notice); with several the cards stay compact. */
export function renderNoticeCard(r: Result, index: number, openTree = true): string {
  const d = r.document;
  const rows: [string, string][] = [
    ["文号", text(d.docNumber?.raw)],
    ["发文机关", text(d.issuer)],
    ["成文日期", text(d.issueDate)],
    ["印发日期", text(d.printDate)],
    ["年度", d.year === null ? dash : String(d.year)],
    ["主送", list(d.recipients)],
    ["抄送", list(d.cc)],
    ["公开属性", text(d.disclosure)],
    [
      "附件",
      d.attachments.length
        ? `<ol class="plain">${d.attachments.map((a) => `<li>附件${a.number}：${escapeHtml(a.title)}</li>`).join("")}</ol>`
        : dash,
    ],
    [
      "引用文件",
      d.references.length
        ? `<ul class="plain">${d.references
            .map((ref) => `<li>《${escapeHtml(ref.title)}》${ref.docNumber ? `（${escapeHtml(ref.docNumber)}）` : ""}</li>`)
            .join("")}</ul>`
        : dash,
    ],
    [
      "来源",
      `${r.source.path ? `<code>${escapeHtml(r.source.path)}</code> · ` : ""}${escapeHtml(r.source.format)}` +
        `${r.source.pages ? ` · ${r.source.pages} 页` : ""} · ${r.source.chars} 字符 · ` +
        `<span title="sha256 ${escapeHtml(r.source.sha256)}">sha256 ${escapeHtml(r.source.sha256.slice(0, 12))}…</span>`,
    ],
  ];
  const n = countSections(r.sections);
  const tree = n
    ? `<details class="tree fold"${openTree ? " open" : ""}><summary>文件结构（${n} 个标题）</summary>${sectionTree(r.sections)}</details>`
    : `<p class="empty">未识别出章节结构。</p>`;
  return (
    `<article class="card notice" id="notice-${index}" aria-labelledby="notice-${index}-title">` +
    `<h3 id="notice-${index}-title">${d.title ? escapeHtml(d.title) : escapeHtml(docLabel(r, index))}</h3>` +
    `<p class="stats"><span>${r.tasks.length} 项任务</span><span>${r.warnings.length} 条警告</span></p>` +
    `<dl class="meta">${rows.map(([k, v]) => `<div><dt>${k}</dt><dd>${v}</dd></div>`).join("")}</dl>` +
    tree +
    `</article>`
  );
}
