/** A tiny BIFF8/BIFF5 stream builder for the .xls reader tests: records by hand, in an OLE2 container. */
import CFB from "cfb";
import iconv from "iconv-lite";

export const rec = (type: number, payload: Buffer): Buffer => {
  const b = Buffer.alloc(4 + payload.length);
  b.writeUInt16LE(type, 0);
  b.writeUInt16LE(payload.length, 2);
  payload.copy(b, 4);
  return b;
};
export const u16 = (...v: number[]): Buffer => Buffer.from(new Uint16Array(v).buffer);
export const u32 = (...v: number[]): Buffer => Buffer.from(new Uint32Array(v).buffer);
const f64 = (n: number): Buffer => {
  const b = Buffer.alloc(8);
  b.writeDoubleLE(n);
  return b;
};
/** A BIFF8 string: cch (1 or 2 bytes), flags, characters (16-bit when any is above U+00FF). */
export function xstr(s: string, lenBytes: 1 | 2 = 2): Buffer {
  const wide = [...s].some((c) => c.charCodeAt(0) > 0xff);
  const len = lenBytes === 1 ? Buffer.from([s.length]) : u16(s.length);
  return Buffer.concat([len, Buffer.from([wide ? 1 : 0]), Buffer.from(s, wide ? "utf16le" : "latin1")]);
}

export const BOF = (dt: number, version = 0x0600): Buffer => rec(0x0809, Buffer.concat([u16(version, dt, 0x0dbb, 0x07cc), version === 0x0600 ? Buffer.alloc(8) : Buffer.alloc(0)]));
export const EOF = rec(0x000a, Buffer.alloc(0));
export const labelSst = (row: number, col: number, i: number, xf = 15): Buffer => rec(0x00fd, Buffer.concat([u16(row, col, xf), u32(i)]));
export const label = (row: number, col: number, s: string): Buffer => rec(0x0204, Buffer.concat([u16(row, col, 15), xstr(s)]));
export const number = (row: number, col: number, n: number, xf = 15): Buffer => rec(0x0203, Buffer.concat([u16(row, col, xf), f64(n)]));
/** RK of an integer (shifted, flag 2). */
export const rkInt = (row: number, col: number, n: number, xf = 15): Buffer => rec(0x027e, Buffer.concat([u16(row, col, xf), u32(((n << 2) | 2) >>> 0)]));
export const mulrkInts = (row: number, col: number, ns: number[]): Buffer =>
  rec(0x00bd, Buffer.concat([u16(row, col), ...ns.map((n) => Buffer.concat([u16(15), u32(((n << 2) | 2) >>> 0)])), u16(col + ns.length - 1)]));
export const formulaString = (row: number, col: number, s: string): Buffer[] => [
  rec(0x0006, Buffer.concat([u16(row, col, 15), Buffer.from([0, 0, 0, 0, 0, 0, 0xff, 0xff]), u16(0), u32(0), u16(0)])),
  rec(0x0207, xstr(s)),
];
export const merged = (...ranges: [top: number, bottom: number, left: number, right: number][]): Buffer =>
  rec(0x00e5, Buffer.concat([u16(ranges.length), ...ranges.map((r) => u16(...r))]));
export const format = (id: number, code: string): Buffer => rec(0x041e, Buffer.concat([u16(id), xstr(code)]));
export const xf = (ifmt: number): Buffer => rec(0x00e0, Buffer.concat([u16(0, ifmt), Buffer.alloc(16)]));

/** SST record + CONTINUE records from raw payload pieces (split where the test wants). */
export const sst = (count: number, pieces: Buffer[]): Buffer[] =>
  pieces.map((p, i) => (i === 0 ? rec(0x00fc, Buffer.concat([u32(count, count), p])) : rec(0x003c, p)));

export interface SheetSpec {
  name: string;
  hidden?: boolean;
  records: Buffer[];
}

/** A workbook stream: globals (extra records first), BOUNDSHEETs, then each sheet's substream. */
export function workbook(globals: Buffer[], sheets: SheetSpec[], opts: { biff5?: boolean; codepage?: number } = {}): Buffer {
  const version = opts.biff5 ? 0x0500 : 0x0600;
  const name = (s: string): Buffer => (opts.biff5 ? Buffer.concat([Buffer.from([iconv.encode(s, "gbk").length]), iconv.encode(s, "gbk")]) : xstr(s, 1));
  const head = Buffer.concat([BOF(0x0005, version), ...(opts.codepage ? [rec(0x0042, u16(opts.codepage))] : []), ...globals]);
  const bodies = sheets.map((s) => Buffer.concat([BOF(0x0010, version), ...s.records, EOF]));
  const boundLen = sheets.reduce((n, s) => n + 4 + 6 + name(s.name).length, 0);
  let offset = head.length + boundLen + EOF.length;
  const bounds = sheets.map((s, i) => {
    const b = rec(0x0085, Buffer.concat([u32(offset), Buffer.from([s.hidden ? 1 : 0, 0]), name(s.name)]));
    offset += bodies[i]!.length;
    return b;
  });
  return Buffer.concat([head, ...bounds, EOF, ...bodies]);
}

export function ole(stream: Buffer, name = "Workbook"): Uint8Array {
  const cfb = CFB.utils.cfb_new();
  CFB.utils.cfb_add(cfb, name, stream);
  return new Uint8Array(CFB.write(cfb, { type: "buffer" }) as Buffer);
}

/** A BIFF5 LABEL: 8-bit characters in the workbook's code page. */
export const label5 = (row: number, col: number, s: string, enc = "gbk"): Buffer => {
  const b = iconv.encode(s, enc);
  return rec(0x0204, Buffer.concat([u16(row, col, 15, b.length), b]));
};
