/**
 * PDF (版式文件) reader: the pdf.js part. pdf.js text items with their positions and the rule
 * segments of the page's paths (stroked lines and thin filled rectangles) go to positioned.ts,
 * which rebuilds lines and ruled tables and removes page furniture (shared with the OFD reader).
 *
 * pdf.js is used directly (the same pdfjs-dist that pdf-parse v2 wraps) because PDFParse does
 * not expose item positions.
 */
import { Line, Point, restoreBuiltins } from "./pdf-geometry.js";
import { createRequire } from "node:module";
import path from "node:path";
import { GongkaiError } from "../errors.js";
import { libText, say, type Text } from "../messages.js";
import type { DecodedInput } from "../text/blocks.js";
import { isCjk } from "../text/chars.js";
import { type Item, layoutPage, layoutPages, type PageContent, pathRules, type Segment } from "./positioned.js";
import type { ReadOptions } from "./types.js";
import { checkPdfExpansion } from "./pdf-guard.js";

type PdfJs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");
type PdfDocument = Awaited<ReturnType<PdfJs["getDocument"]>["promise"]>;
type PdfPage = Awaited<ReturnType<PdfDocument["getPage"]>>;

/**
 * Time budgets for pdf.js: a hostile or broken file must not hang a batch. Opening the document
 * and each page get their own bound, so long documents are not cut off by a whole-file limit.
 * (These bounds are checked between pdf.js's asynchronous steps; a step that never yields is
 * stopped from outside: the reader runs on a thread that sandbox.ts terminates.)
 */
export const PDF_OPEN_TIMEOUT_MS = 30_000;
export const PDF_PAGE_TIMEOUT_MS = 20_000;

function bounded<T>(work: Promise<T>, ms: number, what: Text): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new GongkaiError("E_PDF_CORRUPT", libText("pdfTimeout", { what, s: ms / 1000 }), { hint: libText("pdfMayBeDamaged") })),
      ms,
    );
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

let pdfjsPromise: Promise<PdfJs> | undefined;

function assetDirs(): { cMapUrl: string; standardFontDataUrl: string } {
  // pdf.js in Node reads these with fs: plain absolute paths ending in "/", not file:// URLs.
  const root = path.dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));
  return { cMapUrl: path.join(root, "cmaps") + path.sep, standardFontDataUrl: path.join(root, "standard_fonts") + path.sep };
}

/** pdf.js and its "fake worker"; the builtins its polyfills replace are put back (pdf-geometry.ts). */
async function loadPdfJs(): Promise<PdfJs> {
  try {
    const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
    // its "fake worker" is loaded now, not inside the first file's opening step (which has a time bound)
    const workerModule: string = "pdfjs-dist/legacy/build/pdf.worker.mjs"; // untyped: imported for its side effect
    await import(workerModule);
    return pdfjs;
  } finally {
    restoreBuiltins();
  }
}

/**
 * A stand-in for the DOM document pdf.js installs fonts into: its one style sheet takes the @font-face
 * rules and drops them. By default in Node pdf.js disables font faces, and then, building a page's
 * operator list (read here only for its rule paths), it converts every glyph shown into a drawing path
 * for a canvas: a tenth of a read's CPU time, for rendering that gongkai never does. With font faces on,
 * each font is "installed" here once instead; text and operators come out the same. Should a pdf.js
 * version ask this document for more, installing fails and pdf.js falls back to glyph paths by itself.
 */
const FONT_SINK_DOCUMENT = {
  createElement: () => ({ sheet: { insertRule: () => 0, cssRules: [] }, remove: () => undefined }),
  documentElement: { getElementsByTagName: () => [{ append: () => undefined }] },
};

/** Called after each step of a read (pdf.js loaded, the file opened with its page count, each page read). */
export type ReadProgress = (p: { pages?: number }) => void;

export async function readPdfInProcess(bytes: Uint8Array, opts: ReadOptions, progress: ReadProgress = () => undefined): Promise<DecodedInput> {
  checkPdfExpansion(bytes); // a compression bomb is refused before pdf.js inflates it
  pdfjsPromise ??= loadPdfJs();
  const pdfjs = await pdfjsPromise;
  progress({});
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes), // pdf.js takes ownership of the buffer: give it a copy
    ...assetDirs(),
    cMapPacked: true,
    ...(opts.password !== undefined ? { password: opts.password } : {}),
    verbosity: 0,
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: false,
    ownerDocument: FONT_SINK_DOCUMENT,
    stopAtErrors: false,
  });
  try {
    const doc = await bounded(task.promise, PDF_OPEN_TIMEOUT_MS, libText("pdfOpening"));
    progress({ pages: doc.numPages });
    return assemble(await extractPages(pdfjs, doc, progress));
  } catch (e) {
    throw pdfError(e, opts);
  } finally {
    await task.destroy().catch(() => undefined); // also destroys the document and its fake worker
  }
}

async function extractPages(pdfjs: PdfJs, doc: PdfDocument, progress: ReadProgress): Promise<PageContent[]> {
  const pages: PageContent[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await bounded(doc.getPage(n), PDF_PAGE_TIMEOUT_MS, libText("pdfLoadingPage", { n }));
    try {
      pages.push(await bounded(readPage(pdfjs, page), PDF_PAGE_TIMEOUT_MS, libText("pdfReadingPage", { n })));
    } finally {
      page.cleanup();
    }
    progress({});
  }
  return pages;
}

function pdfError(e: unknown, opts: ReadOptions): GongkaiError {
  if (e instanceof GongkaiError) return e;
  const err = e as { name?: string; message?: string; code?: number };
  if (err?.name === "PasswordException") {
    const wrong = err.code === 2 || opts.password !== undefined;
    return new GongkaiError("E_PDF_ENCRYPTED", libText(wrong ? "pdfWrongPassword" : "pdfNeedsPassword"), {
      hint: libText("passPassword"),
    });
  }
  const detail = err?.message ? libText("pdfCorruptDetail", { error: String(err.message).split("\n")[0] ?? "" }) : libText("pdfCorrupt");
  return new GongkaiError("E_PDF_CORRUPT", detail, { hint: libText("downloadAgain"), cause: e });
}

async function readPage(pdfjs: PdfJs, page: PdfPage): Promise<PageContent> {
  const viewport = page.getViewport({ scale: 1 });
  const content = await page.getTextContent();
  const items: Item[] = [];
  for (const it of content.items) {
    if (!("str" in it) || it.str === "") continue;
    const tx = pdfjs.Util.transform(pdfjs.Util.transform(viewport.transform, it.transform), [1, 0, 0, -1, 0, 0]);
    items.push({ str: it.str, x: tx[4]!, y: tx[5]!, w: it.width, h: it.height });
  }
  const segments = items.length ? await pageSegments(pdfjs, page, viewport.transform) : [];
  return layoutPage(items, segments, viewport.height);
}

/** Straight-line subpaths of a pdf.js path buffer (DrawOPS: 0 moveTo, 1 lineTo, 2 curveTo, 3 closePath); curves are skipped. */
function subpaths(buf: Float32Array): [number, number][][] {
  const out: [number, number][][] = [];
  let cur: [number, number][] = [];
  let curved = false;
  const end = (): void => {
    if (cur.length > 1 && !curved) out.push(cur);
    cur = [];
    curved = false;
  };
  for (let k = 0; k < buf.length; ) {
    const op = buf[k++];
    if (op === 0) {
      end();
      cur.push([buf[k]!, buf[k + 1]!]);
      k += 2;
    } else if (op === 1) {
      cur.push([buf[k]!, buf[k + 1]!]);
      k += 2;
    } else if (op === 2) {
      curved = true;
      cur.push([buf[k + 4]!, buf[k + 5]!]);
      k += 6;
    } else if (op === 3) {
      if (cur.length > 1) cur.push(cur[0]!);
      const first = cur[0];
      end();
      if (first) cur.push(first); // a closed subpath leaves the current point at its start
    } else break; // unknown op: stop reading this path
  }
  end();
  return out;
}

/** The page's rule segments (viewport coordinates) from its stroked and filled paths. */
async function pageSegments(pdfjs: PdfJs, page: PdfPage, viewportTransform: number[]): Promise<Segment[]> {
  const segments: Segment[] = [];
  const ops = await page.getOperatorList();
  let matrix = [1, 0, 0, 1, 0, 0];
  const stack: number[][] = [];
  const add = (s: Segment): void => {
    const line = new Line(new Point(s.x0, s.y0), new Point(s.x1, s.y1)).transform(matrix).transform(viewportTransform);
    segments.push({ x0: line.from.x, y0: line.from.y, x1: line.to.x, y1: line.to.y });
  };
  const strokes = new Set<number>([pdfjs.OPS.stroke, pdfjs.OPS.closeStroke, pdfjs.OPS.fillStroke, pdfjs.OPS.eoFillStroke, pdfjs.OPS.closeFillStroke, pdfjs.OPS.closeEOFillStroke]);
  const fills = new Set<number>([pdfjs.OPS.fill, pdfjs.OPS.eoFill]);
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i] as unknown[] | null;
    if (fn === pdfjs.OPS.constructPath) {
      const op = args?.[0] as number;
      const path = (args?.[1] as (Float32Array | null)[] | undefined)?.[0];
      if (!path || !(strokes.has(op) || fills.has(op))) continue;
      for (const sub of subpaths(path)) pathRules(sub, strokes.has(op)).forEach(add);
    } else if (fn === pdfjs.OPS.save) stack.push(matrix);
    else if (fn === pdfjs.OPS.restore) matrix = stack.pop() ?? matrix;
    else if (fn === pdfjs.OPS.transform) matrix = pdfjs.Util.transform(matrix, args as number[]);
  }
  return segments;
}

/** Share of characters that cannot be real text: U+FFFD, private use, C0 controls. */
function garbledShare(text: string): { bad: number; total: number; cjk: number; latinExt: number } {
  let bad = 0;
  let total = 0;
  let cjk = 0;
  let latinExt = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c <= 32 || c === 0x3000 || c === 0xa0) {
      if (c < 32 && c !== 9 && c !== 10 && c !== 13) bad++;
      continue;
    }
    total++;
    if (c === 0xfffd || (c >= 0xe000 && c <= 0xf8ff) || c >= 0xf0000) bad++;
    else if (isCjk(c)) cjk++;
    else if (c >= 0x80 && c <= 0x24f) latinExt++;
  }
  return { bad, total, cjk, latinExt };
}

function assemble(pages: PageContent[]): DecodedInput {
  const all = pages.flatMap((p) => p.elements.map((e) => (e.kind === "line" ? e.text : e.rows.flat().join("")))).join("");
  const stats = garbledShare(all);
  if (stats.total < Math.max(16, 4 * pages.length)) {
    throw new GongkaiError("E_PDF_NO_TEXT", libText("pdfNoText"), {
      hint: libText("pdfOcrHint"),
    });
  }
  // Fonts without a usable ToUnicode map come out as U+FFFD/private-use codes or as Latin-1 look-alikes.
  if (stats.bad / stats.total > 0.2 || (stats.cjk / stats.total < 0.05 && stats.latinExt / stats.total > 0.3)) {
    throw new GongkaiError("E_PDF_GARBLED", libText("pdfGarbled"), {
      hint: libText("pdfGarbledHint"),
    });
  }
  // Some pages without text among pages with text: scanned pages mixed in. Say so; their text is missing.
  const empty = pages.flatMap((p, i) => (p.elements.length === 0 ? [i + 1] : []));
  const warnings = empty.length ? [{ code: "W_PDF_PAGES_NO_TEXT", message: say(empty.length > 1 ? "pdfPagesNoText" : "pdfPageNoText", { pages: empty.join(", ") }) }] : [];
  const { source, blocks } = layoutPages(pages);
  return { format: "pdf", encoding: null, source, blocks, pages: pages.length, ...(warnings.length ? { warnings } : {}) };
}
