/**
 * OFD (GB/T 33190, 版式文档) reader: the zip's OFD.xml → DocRoot (Document.xml) → pages; each page's
 * TextObject/TextCode glyphs become positioned text runs and its PathObjects rule segments, and
 * positioned.ts (shared with PDF) rebuilds lines and ruled tables and removes page furniture.
 *
 * Coordinates are millimetres, y downwards; an object's own space goes through its CTM and is then
 * placed at its Boundary's origin. They are converted to points so that the shared layout sees the
 * same sizes as in a PDF. Annotations and signatures are not body text and are not read; a template
 * page (TemplatePage) used by several pages is furniture, one used by a single page is read with it
 * except for what it draws in the top and bottom margins.
 *
 * The XML is parsed by saxes with no DTD (a DOCTYPE is refused, so no entity is ever expanded), and
 * every quantity a hostile file could inflate is capped: unpacked bytes, pages, elements and depth
 * of a part, objects and glyphs of a page, `g` repeat counts (expanded only as far as glyphs exist).
 */
import JSZip from "jszip";
import { SaxesParser } from "saxes";
import { GongkaiError } from "../errors.js";
import { libText, type Text } from "../messages.js";
import type { DecodedInput } from "../text/blocks.js";
import { type Item, layoutPage, layoutPages, type PageContent, pathRules, type Segment } from "./positioned.js";
import { readSandboxed } from "./sandbox.js";
import type { ReadOptions } from "./types.js";

/** Unpacked XML of the whole file (as the zip declares it, and as read). */
export const OFD_MAX_EXPANDED = 64 * 1024 * 1024;
/** Unpacked bytes of one XML part. */
export const OFD_MAX_PART = 16 * 1024 * 1024;
export const OFD_MAX_PAGES = 2000;
/** Elements of one XML part, and its deepest nesting (real files stay under ~12). */
export const OFD_MAX_ELEMENTS = 200_000;
export const OFD_MAX_DEPTH = 128;
/** Graphic objects and glyphs of one page (a dense A4 page has a few thousand glyphs). */
export const OFD_MAX_OBJECTS = 50_000;
export const OFD_MAX_GLYPHS = 100_000;

const PT_PER_MM = 72 / 25.4;

/** Read an OFD on the reader thread (sandbox.ts): a hostile file is stopped from outside. */
export function readOfd(bytes: Uint8Array, opts: ReadOptions): Promise<DecodedInput> {
  return readSandboxed("ofd", bytes, opts, () => readOfdInProcess(bytes, opts));
}

const corrupt = (what: Text | string, cause?: unknown): GongkaiError =>
  new GongkaiError("E_OFD_CORRUPT", libText("ofdCorrupt", { what }), {
    hint: libText("ofdHint"),
    ...(cause !== undefined ? { cause } : {}),
  });

export async function readOfdInProcess(bytes: Uint8Array, _opts: ReadOptions): Promise<DecodedInput> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (e) {
    throw corrupt(libText("ofdNotZip", { error: e instanceof Error ? e.message.split("\n")[0] ?? "" : String(e) }), e);
  }
  const pkg = new Package(zip);
  try {
    return await readPackage(pkg);
  } catch (e) {
    if (e instanceof GongkaiError) throw e;
    throw corrupt(e instanceof Error ? e.message.split("\n")[0]! : String(e), e);
  }
}

/** The zip's parts by normalised path, read with the size caps. */
class Package {
  private readonly files = new Map<string, JSZip.JSZipObject>();
  private read = 0;

  constructor(zip: JSZip) {
    let declared = 0;
    zip.forEach((name, file) => {
      if (file.dir) return;
      declared += (file as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0;
      this.files.set(normPath(name).toLowerCase(), file);
    });
    if (declared > OFD_MAX_EXPANDED) throw corrupt(libText("ofdUnpacksTo", { mb: (declared / 1024 ** 2).toFixed(0), max: OFD_MAX_EXPANDED / 1024 ** 2 }));
  }

  has(path: string): boolean {
    return this.files.has(normPath(path).toLowerCase());
  }

  /** A location as the standard reads it (relative to the part's folder); some producers write it from the package root. */
  locate(base: string, loc: string): string {
    const path = resolveLoc(base, loc);
    return this.has(path) || !this.has(loc) ? path : normPath(loc);
  }

  async xml(path: string): Promise<XNode> {
    const file = this.files.get(normPath(path).toLowerCase());
    if (!file) throw corrupt(libText("ofdPartMissing", { path }));
    const data = await unpack(file, Math.min(OFD_MAX_PART, OFD_MAX_EXPANDED - this.read), path);
    this.read += data.length;
    return parseXml(new TextDecoder("utf-8").decode(data), path);
  }
}

/** Unpack one part, stopping as soon as it grows past `cap` (the zip directory may lie about sizes). */
function unpack(file: JSZip.JSZipObject, cap: number, path: string): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let stopped = false;
    const stream = file.nodeStream("nodebuffer");
    stream.on("data", (chunk: Buffer) => {
      if (stopped) return;
      size += chunk.length;
      if (size > cap) {
        stopped = true;
        stream.pause();
        reject(corrupt(libText("ofdPartTooBig", { path, mb: (cap / 1024 ** 2).toFixed(0) })));
      } else chunks.push(chunk);
    });
    stream.on("error", (e: Error) => reject(corrupt(libText("ofdPartUnpack", { path, error: e.message }), e)));
    stream.on("end", () => resolve(Buffer.concat(chunks)));
  });
}

/** `/Doc_0/./Pages/../Document.xml` → `Doc_0/Document.xml`. */
export function normPath(path: string): string {
  const out: string[] = [];
  for (const part of path.replace(/\\/gu, "/").split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") out.pop();
    else out.push(part);
  }
  return out.join("/");
}

/** A location in a part: absolute (`/…`) from the package root, otherwise from the part's folder. */
function resolveLoc(base: string, loc: string): string {
  const l = loc.trim();
  if (l.startsWith("/")) return normPath(l);
  const dir = base.includes("/") ? base.slice(0, base.lastIndexOf("/") + 1) : "";
  return normPath(dir + l);
}

/** A parsed XML element: local name (prefix dropped), attributes, children, and its own text. */
export interface XNode {
  name: string;
  attrs: Record<string, string>;
  children: XNode[];
  text: string;
}

const localName = (name: string): string => name.slice(name.indexOf(":") + 1);

/** Parse one part into a tree; a DOCTYPE, an unknown entity, or a cap exceeded is an error. */
export function parseXml(xml: string, part: string): XNode {
  const root: XNode = { name: "#root", attrs: {}, children: [], text: "" };
  const stack: XNode[] = [root];
  let elements = 0;
  const parser = new SaxesParser({ position: false });
  parser.on("error", (e) => {
    throw corrupt(libText("ofdBadXml", { part, error: e.message.split("\n")[0] ?? "" }), e);
  });
  parser.on("doctype", () => {
    throw corrupt(libText("ofdDoctype", { part }));
  });
  parser.on("opentag", (tag) => {
    if (++elements > OFD_MAX_ELEMENTS) throw corrupt(libText("ofdTooManyElements", { part, n: OFD_MAX_ELEMENTS }));
    if (stack.length > OFD_MAX_DEPTH) throw corrupt(libText("ofdTooDeep", { part, n: OFD_MAX_DEPTH }));
    const attrs: Record<string, string> = {};
    for (const [k, v] of Object.entries(tag.attributes)) attrs[localName(k)] = typeof v === "string" ? v : v.value;
    const node: XNode = { name: localName(tag.name), attrs, children: [], text: "" };
    stack[stack.length - 1]!.children.push(node);
    if (!tag.isSelfClosing) stack.push(node);
  });
  parser.on("closetag", (tag) => {
    if (!tag.isSelfClosing) stack.pop();
  });
  const onText = (t: string): void => {
    stack[stack.length - 1]!.text += t;
  };
  parser.on("text", onText);
  parser.on("cdata", onText);
  parser.write(xml).close();
  const top = root.children[0];
  if (!top) throw corrupt(libText("ofdNoRoot", { part }));
  return top;
}

const child = (n: XNode | undefined, name: string): XNode | undefined => n?.children.find((c) => c.name === name);
const children = (n: XNode | undefined, name: string): XNode[] => n?.children.filter((c) => c.name === name) ?? [];

/** A list of numbers (`"0 0 210 297"`); anything that is not a finite number is an error. */
export function numbers(s: string | undefined, what: string): number[] {
  if (s === undefined || s.trim() === "") return [];
  return s.trim().split(/\s+/u).map((t) => {
    const v = Number(t);
    if (!Number.isFinite(v)) throw corrupt(libText("ofdNotNumber", { what, value: JSON.stringify(t.slice(0, 20)) }));
    return v;
  });
}

/**
 * The first `count` entries of a DeltaX/DeltaY list: numbers, and `g N v` for N times v. A repeat
 * count is only expanded as far as glyphs need it, and tokens past `count` are not read at all.
 */
export function parseDeltas(spec: string | undefined, count: number): number[] {
  const out: number[] = [];
  if (!spec || count <= 0) return out;
  let i = 0;
  const token = (): string | undefined => {
    while (i < spec.length && spec.charCodeAt(i) <= 32) i++;
    if (i >= spec.length) return undefined;
    const start = i;
    while (i < spec.length && spec.charCodeAt(i) > 32) i++;
    return spec.slice(start, i);
  };
  const num = (t: string | undefined): number => {
    const v = Number(t);
    if (t === undefined || !Number.isFinite(v)) throw corrupt(libText("ofdDeltaNotNumber", { value: JSON.stringify((t ?? "").slice(0, 20)) }));
    return v;
  };
  while (out.length < count) {
    const t = token();
    if (t === undefined) break;
    if (t === "g") {
      const n = num(token());
      const v = num(token());
      if (n < 0) throw corrupt(libText("ofdDeltaNegative"));
      for (let k = Math.min(Math.floor(n), count - out.length); k > 0; k--) out.push(v);
    } else out.push(num(t));
  }
  return out;
}

/** An affine matrix [a b c d e f]: (x, y) → (a·x + c·y + e, b·x + d·y + f). */
export type Matrix = readonly [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** The object → page (points) transform: CTM, then the Boundary origin, then mm → pt. */
export function objectMatrix(node: XNode): Matrix {
  const box = numbers(node.attrs["Boundary"], "a Boundary");
  const ctm = numbers(node.attrs["CTM"], "a CTM");
  const [a, b, c, d, e, f] = ctm.length === 6 ? (ctm as unknown as Matrix) : IDENTITY;
  const [bx = 0, by = 0] = box;
  const k = PT_PER_MM;
  return [a * k, b * k, c * k, d * k, (e + bx) * k, (f + by) * k];
}

export const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

/** Advance of a glyph without a DeltaX entry: full width for CJK and full-width forms, half otherwise. */
function naturalAdvance(ch: string, size: number): number {
  const c = ch.codePointAt(0)!;
  return c >= 0x2e80 || (c >= 0x2000 && c <= 0x206f) ? size : size / 2;
}

/** The glyphs of a TextObject as runs of one character each, in page points. */
export function textItems(obj: XNode, budget: { glyphs: number }): Item[] {
  const m = objectMatrix(obj);
  const size = numbers(obj.attrs["Size"], "a font Size")[0] ?? 3.5;
  const scale = Math.sqrt(Math.abs(m[0] * m[3] - m[1] * m[2])) || PT_PER_MM;
  const xScale = Math.hypot(m[0], m[1]) || PT_PER_MM;
  const items: Item[] = [];
  let penX = 0;
  let penY = 0;
  for (const code of children(obj, "TextCode")) {
    const chars = [...code.text];
    if ((budget.glyphs -= chars.length) < 0) throw corrupt(libText("ofdTooManyGlyphs", { n: OFD_MAX_GLYPHS }));
    const x0 = code.attrs["X"] !== undefined ? numbers(code.attrs["X"], "a TextCode X")[0] ?? penX : penX;
    const y0 = code.attrs["Y"] !== undefined ? numbers(code.attrs["Y"], "a TextCode Y")[0] ?? penY : penY;
    const dx = parseDeltas(code.attrs["DeltaX"], chars.length - 1);
    const dy = parseDeltas(code.attrs["DeltaY"], chars.length - 1);
    let x = x0;
    let y = y0;
    chars.forEach((ch, i) => {
      const natural = naturalAdvance(ch, size);
      const step = dx[i] ?? (dy[i] !== undefined ? 0 : natural);
      const [px, py] = apply(m, x, y);
      if (ch.trim() !== "") items.push({ str: ch, x: px, y: py, w: Math.min(step > 0 ? step : natural, natural) * xScale, h: size * scale });
      x += step;
      y += dy[i] ?? 0;
    });
    penX = x;
    penY = y;
  }
  return items;
}

/**
 * The subpaths of an AbbreviatedData string in object space: S/M start one, L adds a point, C/Z
 * close it; Q, B and A are curves, which make the subpath curved (a curve is not a rule).
 */
export function abbreviatedSubpaths(data: string): { points: [number, number][]; curved: boolean }[] {
  const toks = data.trim().split(/[\s,]+/u);
  const out: { points: [number, number][]; curved: boolean }[] = [];
  let cur: { points: [number, number][]; curved: boolean } = { points: [], curved: false };
  const end = (): void => {
    if (cur.points.length > 1) out.push(cur);
    cur = { points: [], curved: false };
  };
  const ARGS: Record<string, number> = { S: 2, M: 2, L: 2, Q: 4, B: 6, A: 7, C: 0, Z: 0 };
  for (let i = 0; i < toks.length; ) {
    const op = toks[i++]!;
    const n = ARGS[op];
    if (n === undefined) throw corrupt(libText("ofdPathData", { value: JSON.stringify(op.slice(0, 20)) }));
    const args = toks.slice(i, i + n).map(Number);
    if (args.length < n || args.some((v) => !Number.isFinite(v))) throw corrupt(libText("ofdPathNumbers", { op }));
    i += n;
    const last = (): [number, number] => [args[n - 2]!, args[n - 1]!];
    if (op === "S" || op === "M") {
      end();
      cur.points.push(last());
    } else if (op === "L") cur.points.push(last());
    else if (op === "C" || op === "Z") {
      const first = cur.points[0];
      if (first && cur.points.length > 1) cur.points.push(first);
      end();
      if (first) cur.points.push(first); // a closed subpath leaves the current point at its start
    } else {
      cur.curved = true;
      cur.points.push(last());
    }
  }
  end();
  return out;
}

/** The rule segments a PathObject draws, in page points. */
export function pathSegments(obj: XNode): Segment[] {
  const data = child(obj, "AbbreviatedData")?.text ?? "";
  if (data.trim() === "") return [];
  const stroked = obj.attrs["Stroke"] !== "false";
  const filled = obj.attrs["Fill"] === "true";
  if (!stroked && !filled) return [];
  const m = objectMatrix(obj);
  return abbreviatedSubpaths(data)
    .filter((s) => !s.curved)
    .flatMap((s) => pathRules(s.points.map(([x, y]) => apply(m, x, y)), stroked));
}

/** Text runs and rule segments of a page's (or template's) content, layer by layer, PageBlocks included. */
function pageObjects(content: XNode | undefined, budget: { objects: number; glyphs: number }, items: Item[], segments: Segment[]): void {
  const walk = (n: XNode): void => {
    for (const c of n.children) {
      if (c.name === "TextObject" || c.name === "PathObject") {
        if (--budget.objects < 0) throw corrupt(libText("ofdTooManyObjects", { n: OFD_MAX_OBJECTS }));
        if (c.name === "TextObject") for (const it of textItems(c, budget)) items.push(it);
        else for (const s of pathSegments(c)) segments.push(s);
      } else if (c.name === "Layer" || c.name === "PageBlock") walk(c);
    }
  };
  for (const layer of children(content, "Layer")) walk(layer);
}

/** The page height (mm) from an Area's PhysicalBox. */
const boxHeight = (area: XNode | undefined): number | undefined => numbers(child(area, "PhysicalBox")?.text, "a PhysicalBox")[3];

async function readPackage(pkg: Package): Promise<DecodedInput> {
  if (!pkg.has("OFD.xml")) throw corrupt(libText("ofdNoOfdXml"));
  const ofd = await pkg.xml("OFD.xml");
  const docRoot = child(child(ofd, "DocBody"), "DocRoot")?.text.trim();
  if (!docRoot) throw corrupt(libText("ofdNoDocRoot"));
  const docPath = normPath(docRoot);
  if (!pkg.has(docPath)) throw corrupt(libText("ofdDocMissing", { path: docPath }));
  const doc = await pkg.xml(docPath);
  const common = child(doc, "CommonData");
  const defaultHeight = boxHeight(child(common, "PageArea")) ?? 297;
  const pageRefs = children(child(doc, "Pages"), "Page");
  if (pageRefs.length > OFD_MAX_PAGES) throw corrupt(libText("ofdTooManyPages", { n: pageRefs.length, max: OFD_MAX_PAGES }));
  const templates = new Map(children(common, "TemplatePage").map((t) => [t.attrs["ID"] ?? "", pkg.locate(docPath, t.attrs["BaseLoc"] ?? "")]));

  const pageXml: { path: string; node: XNode }[] = [];
  const templateUses = new Map<string, number>();
  for (const ref of pageRefs) {
    const path = pkg.locate(docPath, ref.attrs["BaseLoc"] ?? "");
    const node = await pkg.xml(path);
    pageXml.push({ path, node });
    for (const t of children(node, "Template")) templateUses.set(t.attrs["TemplateID"] ?? "", (templateUses.get(t.attrs["TemplateID"] ?? "") ?? 0) + 1);
  }

  const pages: PageContent[] = [];
  for (const { node } of pageXml) {
    const budget = { objects: OFD_MAX_OBJECTS, glyphs: OFD_MAX_GLYPHS };
    const items: Item[] = [];
    const segments: Segment[] = [];
    const height = (boxHeight(child(node, "Area")) ?? defaultHeight) * PT_PER_MM;
    // A template shared by several pages is furniture (running header, rules). One page's own template
    // is read with it where it carries body text: what it draws in the top and bottom margins is furniture.
    const inBody = (y: number): boolean => y >= height * 0.15 && y <= height * 0.85;
    for (const t of children(node, "Template")) {
      const id = t.attrs["TemplateID"] ?? "";
      const loc = templates.get(id);
      if (!loc || (templateUses.get(id) ?? 0) !== 1 || !pkg.has(loc)) continue;
      const own = { items: [] as Item[], segments: [] as Segment[] };
      pageObjects(child(await pkg.xml(loc), "Content"), budget, own.items, own.segments);
      items.push(...own.items.filter((i) => inBody(i.y)));
      segments.push(...own.segments.filter((s) => inBody(s.y0) || inBody(s.y1)));
    }
    pageObjects(child(node, "Content"), budget, items, segments);
    pages.push(layoutPage(items, segments, height));
  }
  if (!pages.some((p) => p.elements.length > 0)) {
    throw new GongkaiError("E_EMPTY", libText("ofdNoText"), { hint: libText("ofdOcrHint") });
  }
  const { source, blocks } = layoutPages(pages);
  return { format: "ofd", encoding: null, source, blocks, pages: pages.length };
}
