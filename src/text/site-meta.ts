/**
 * Lines a crawler, a legal database or a web page adds around a notice (GOLD.md "Header fields"):
 *
 *   标题: …  发布时间: …  文号: …  ==== 正文 ====      crawler header          → meta, dropped
 *   【法宝引证码】CLI.12.5679380 / 原文链接：https://…   database citation lines → dropped
 *   索引号：… 主题分类：… 发文机关：… 成文日期：…         a page's metadata table → meta, dropped
 *   当前位置：首页›… / 时间：2016-02-18 08:00            breadcrumb, page time   → dropped
 *   微信 微博 QQ空间 / 来源：… / 附件下载 / x.pdf         page widgets and links  → dropped
 *
 * They are recognised by their key shapes, never by a site's name. What they state is kept as
 * metadata; the header extractors use it only when the notice itself does not print the field.
 */
import type { Block } from "./blocks.js";
import { relineBlocks } from "./reline.js";

/** Metadata keys of crawler headers, database exports and page tables, with the field they state (if any). */
export const META_KEYS: ReadonlyMap<string, string | null> = new Map<string, string | null>([
  ["标题", "标题"], ["文章标题", "标题"], ["名称", "标题"],
  ["文号", "文号"], ["发文字号", "文号"], ["发文文号", "文号"],
  ["发文机关", "发文机关"], ["发文单位", "发文机关"], ["发布部门", "发文机关"], ["制定机关", "发文机关"],
  ["成文日期", "成文日期"], ["成文时间", "成文日期"],
  // the site's own dates and names: not the notice's 成文日期 / 发文机关
  ["发布时间", null], ["发布日期", null], ["发布机构", null], ["实施日期", null], ["生效日期", null], ["公布日期", null],
  ["索引号", null], ["主题分类", null], ["主题词", null], ["体裁分类", null], ["组配分类", null], ["服务对象", null],
  ["信息分类", null], ["内容分类", null], ["公开方式", null], ["公开范围", null], ["公开时限", null], ["公开日期", null],
  ["时效性", null], ["效力级别", null], ["有效性", null], ["法规类别", null], ["关键词", null], ["生成日期", null],
  ["栏目", null], ["所属栏目", null], ["原文链接", null], ["链接", null], ["网址", null], ["本地目录", null],
  ["来源", null], ["信息来源", null], ["文章来源", null], ["法宝引证码", null], ["引证码", null],
]);

/** A crawler's separator before the page text: `==== 正文 ====`, `-----`. */
const SEPARATOR = /^[=＝\-—_*#~]{3,}(?: ?(?:正文|内容|全文|原文) ?[=＝\-—_*#~]{3,})?$/u;
const BREADCRUMB = /^(?:当前位置|您的位置|你的位置|所在位置|您当前的位置|当前路径)[:：]/u;
/** The page's publication time: `时间：2016-02-18 08:00`, `发布日期：2019年3月1日`. */
const PAGE_TIME = /^(?:发布|发文|更新|信息)?(?:时间|日期)[:：] ?\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?: ?\d{1,2}:\d{2}(?::\d{2})?)?$/u;
const SOURCE_LINE = /^(?:来源|信息来源|文章来源|稿源)[:：][^。；;]{0,40}$/u;
const COUNTER_LINE = /^(?:浏览次数|阅读次数|点击数|访问量|阅读量|浏览量)[:：]? ?\d{0,9}$/u;
const WIDGETS = new Set([
  "微信", "微博", "QQ空间", "QQ", "朋友圈", "分享", "分享到", "分享到:", "分享到：", "豆瓣", "人人网", "腾讯微博", "新浪微博", "微信扫一扫",
  "打印", "关闭", "打印本页", "关闭窗口", "【打印】", "【关闭】", "[打印]", "[关闭]", "【打印本页】", "【关闭窗口】", "[打印本页]",
  "[关闭窗口]", "收藏", "返回顶部", "返回", "字号", "字号:", "字号：", "大", "中", "小", "默认", "【大", "中】", "小】", "附件下载", "相关附件",
]);
const FILE_NAME = /^[^\s。；;]{1,100}\.(?:pdf|docx?|xlsx?|wps|et|ofd|zip|rar|txt|jpg|png)$/iu;
/** First characters of the chrome lines above (a cheap gate before the patterns). */
const CHROME_FIRST = new Set([..."当您你所发更信时日来文稿浏阅点访微朋分豆人腾新打关收返字大中小默附相【[QqWwHh"]);
const URL_LINE = /^(?:https?:\/\/|www\.)\S+$/u;

export interface SiteMeta {
  readonly blocks: Block[];
  /** Fields stated by the metadata lines: 标题, 文号, 发文机关, 成文日期 (only those the notice may lack). */
  readonly meta: Record<string, string>;
}

const clean = (s: string): string => s.replace(/[\s\u3000\u00a0]+/gu, " ").trim();
/** A key with its inner spacing removed (`文　号` → `文号`); `\s` covers U+3000 and U+00A0. */
export const squashKey = (s: string): string => s.replace(/\s+/gu, "");

function metaKey(line: string): { key: string; field: string | null; value: string } | null {
  // the key ends at the first colon (or the closing 】 of `【key】value`) within a few characters
  let end = -1;
  for (let k = 0; k < Math.min(line.length, 16); k++) {
    const c = line[k]!;
    if (c === ":" || c === "：" || (c === "】" && line[0] === "【")) {
      end = k;
      break;
    }
  }
  if (end < 2) return null;
  const key = squashKey(line.slice(line[0] === "【" ? 1 : 0, end));
  // any database's citation code (…引证码) is a key of its own kind
  if (!META_KEYS.has(key) && !(line[0] === "【" && key.endsWith("引证码"))) return null;
  return { key, field: META_KEYS.get(key) ?? null, value: clean(line.slice(end + 1).replace(/^[:：]/u, "")) };
}

const isWidgetLine = (t: string): boolean => {
  const parts = t.split(" ").filter(Boolean);
  return parts.length > 0 && parts.every((p) => WIDGETS.has(p));
};

/**
 * A plain text as read: the metadata header set aside, lost line breaks restored (reline.ts), then
 * the page chrome set aside. Both passes keep what the metadata states.
 */
export function readSiteText(lines: readonly Block[]): SiteMeta {
  const top = stripSiteMeta(lines, { chrome: false });
  const rest = stripSiteMeta(relineBlocks(top.blocks));
  return { blocks: rest.blocks, meta: { ...rest.meta, ...top.meta } };
}

/** Drop the metadata lines around a notice and keep what they state. */
export function stripSiteMeta(blocks: readonly Block[], opts: { chrome?: boolean } = {}): SiteMeta {
  const meta: Record<string, string> = {};
  // cleaned lines on demand: most lines of a long notice are never looked at
  const cache: (string | undefined)[] = [];
  const line = (i: number): string => (cache[i] ??= clean(blocks[i]!.text));
  const drop = new Uint8Array(blocks.length);
  const record = (k: { field: string | null; value: string }): void => {
    if (k.field && k.value && !meta[k.field]) meta[k.field] = k.value;
  };

  // 1. a crawler header closed by a separator line
  const head = Math.min(blocks.length, 40);
  let sep = -1;
  for (let i = 0; i < head && sep < 0; i++) if (blocks[i]!.text.length <= 120 && SEPARATOR.test(line(i))) sep = i;
  if (sep > 0 && Array.from({ length: sep }, (_, i) => line(i)).filter((t) => metaKey(t) !== null).length >= 2) {
    for (let i = 0; i <= sep; i++) {
      const k = metaKey(line(i));
      if (k) record(k);
      drop[i] = 1;
    }
  }

  // 2. a metadata block of key lines near the top (`key: value`, or the key on one line and its value on the next)
  const keyLines: number[] = [];
  const found: { field: string | null; value: string }[] = [];
  for (let i = 0; i < head; i++) {
    if (drop[i]) continue;
    const k = metaKey(line(i));
    if (!k) continue;
    keyLines.push(i);
    if (!k.value && i + 1 < blocks.length && !metaKey(line(i + 1)) && line(i + 1).length <= 80 && !/[。；]/u.test(line(i + 1))) {
      keyLines.push(i + 1);
      found.push({ field: k.field, value: line(i + 1) });
      i++;
    } else found.push(k);
  }
  // one key line alone may be a sentence of the notice; two or more (or a citation line) are a metadata block
  let out = blocks as Block[];
  if (keyLines.length >= 2 || keyLines.some((i) => /引证码|原文链接/u.test(line(i)))) {
    for (const i of keyLines) drop[i] = 1;
    found.forEach(record);
    // a database prints the notice's title right after its citation lines: a line of its own
    const next = keyLines[keyLines.length - 1]! + 1;
    const t = next < blocks.length ? line(next) : "";
    if (t && keyLines.some((i) => /引证码/u.test(line(i))) && t.length <= 80 && !/[。；:：]/u.test(t)) {
      out = [...blocks];
      out[next] = { ...blocks[next]!, kind: "heading" };
    }
  }

  // 3. page chrome anywhere: breadcrumb (+ the page title up to the page time), page time, 来源, widgets, files
  const chrome = opts.chrome ?? true;
  for (let i = 0; i < blocks.length && chrome; i++) {
    // chrome is short; an overlong line is text (or waits for relining); and it starts with a few characters only
    const raw = blocks[i]!.text;
    if (drop[i] || raw.length > 240) continue;
    let a = 0;
    while (a < raw.length && (raw.charCodeAt(a) <= 32 || raw.charCodeAt(a) === 0x3000)) a++;
    if (!CHROME_FIRST.has(raw[a] ?? "") && !raw.includes(".")) continue;
    const t = line(i);
    if (t.length > 200 || (!CHROME_FIRST.has(t[0] ?? "") && !t.includes("."))) continue;
    if (BREADCRUMB.test(t)) {
      drop[i] = 1;
      // the crumbs and the page title that follow it, up to the page time
      for (let j = i + 1; j < Math.min(blocks.length, i + 5); j++) {
        if (PAGE_TIME.test(line(j))) {
          for (let k = i + 1; k < j; k++) if (!/[。；]/u.test(line(k))) drop[k] = 1;
          // the last crumb is the page title
          if (j > i + 1 && drop[j - 1] && !meta["标题"]) meta["标题"] = line(j - 1).replace(/\s+/gu, "");
          break;
        }
      }
      continue;
    }
    if (PAGE_TIME.test(t)) {
      drop[i] = 1;
      // a page title printed above the page time, at the top of the page text (the notice prints its own)
      const first = firstKept(drop, i);
      if (i - first <= 2) {
        for (let k = first; k < i; k++) {
          if (/[。；]/u.test(line(k)) || line(k).length > 120) break;
          if (!meta["标题"]) meta["标题"] = line(k).replace(/\s+/gu, "");
          drop[k] = 1;
        }
      }
      continue;
    }
    if (SOURCE_LINE.test(t) || COUNTER_LINE.test(t) || isWidgetLine(t) || FILE_NAME.test(t) || URL_LINE.test(t)) drop[i] = 1;
  }

  // 4. the title printed twice (database exports): the second copy goes
  const kept: number[] = [];
  for (let i = 0; i < blocks.length && kept.length < 6 && chrome; i++) if (!drop[i]) kept.push(i);
  for (let k = 1; k < kept.length; k++) {
    const a = line(kept[k - 1]!);
    const b = line(kept[k]!);
    if (a.length >= 6 && a.replace(/\s+/gu, "") === b.replace(/\s+/gu, "")) {
      drop[kept[k]!] = 1;
      break;
    }
  }

  return { blocks: drop.includes(1) ? out.filter((_, i) => !drop[i]) : out, meta };
}

/** Index of the first line not dropped, searching from the top up to `before`. */
function firstKept(drop: Uint8Array, before: number): number {
  let i = 0;
  while (i < before && drop[i]) i++;
  return i;
}
