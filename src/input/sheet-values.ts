/**
 * 单元格显示值: a spreadsheet cell's value as the text a reader of the sheet sees — dates as dates
 * (2022年6月30日, by the parts the cell's number format shows), numbers without binary float noise
 * (2.1, not 2.0999999999999996), percentages as percentages. Shared by the .xlsx and .xls readers.
 */

/** Excel's built-in number format codes that matter for display (the rest are General-like); 27–58 are the CJK locales' dates. */
export const BUILTIN_FORMATS: Readonly<Record<number, string>> = {
  1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 14: "yyyy/m/d", 15: "d-mmm-yy", 16: "d-mmm",
  17: "mmm-yy", 18: "h:mm AM/PM", 19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss", 22: "yyyy/m/d h:mm",
  27: "yyyy\"年\"m\"月\"", 28: "m\"月\"d\"日\"", 29: "m\"月\"d\"日\"", 30: "m-d-yy", 31: "yyyy\"年\"m\"月\"d\"日\"",
  32: "h\"时\"mm\"分\"", 33: "h\"时\"mm\"分\"ss\"秒\"", 34: "上午/下午h\"时\"mm\"分\"", 35: "上午/下午h\"时\"mm\"分\"ss\"秒\"",
  36: "yyyy\"年\"m\"月\"", 45: "mm:ss", 46: "[h]:mm:ss", 47: "mm:ss.0", 49: "@", 50: "yyyy\"年\"m\"月\"", 51: "m\"月\"d\"日\"",
  52: "yyyy\"年\"m\"月\"", 53: "m\"月\"d\"日\"", 54: "m\"月\"d\"日\"", 55: "上午/下午h\"时\"mm\"分\"",
  56: "上午/下午h\"时\"mm\"分\"ss\"秒\"", 57: "yyyy\"年\"m\"月\"", 58: "m\"月\"d\"日\"",
};

/** The letters of a format code outside quotes, escapes and [..] (colour, locale) sections; first section only. */
function codeLetters(code: string): string {
  let out = "";
  for (let i = 0; i < code.length && i < 512; i++) {
    const c = code[i]!;
    if (c === ";") break;
    if (c === "\"") {
      const end = code.indexOf("\"", i + 1);
      i = end < 0 ? code.length : end;
    } else if (c === "\\" || c === "_" || c === "*") i++;
    else if (c === "[") {
      const end = code.indexOf("]", i + 1);
      const inner = end < 0 ? "" : code.slice(i + 1, end).toLowerCase();
      if (/^(?:h+|m+|s+)$/u.test(inner)) out += inner; // elapsed time [h]
      i = end < 0 ? code.length : end;
    } else out += c.toLowerCase();
  }
  return out;
}

/** A date or time format: its code shows y, d, h or s (m alone is minutes or months — a date needs a neighbour). */
export function isDateFormat(code: string | undefined): boolean {
  if (!code) return false;
  const letters = codeLetters(code);
  if (letters === "general" || letters === "@") return false;
  return /[ydhs]/u.test(letters.replace(/general/gu, "")) || /m/u.test(letters) && /[ydhs]|上午|下午/u.test(letters);
}

/** An Excel serial date (days since 1899-12-30, or since 1904-01-01 in a 1904 workbook) as a UTC Date. */
export function serialToDate(serial: number, date1904 = false): Date {
  return new Date(Math.round((serial + (date1904 ? 1462 : 0)) * 86_400_000) + Date.UTC(1899, 11, 30));
}

/** A date shown by the parts its format has: 2022年6月30日, 2022年6月, 6月30日, 14:30. */
export function formatDate(d: Date, code: string | undefined): string {
  const letters = codeLetters(code ?? "yyyy/m/d");
  const y = letters.includes("y");
  const day = letters.includes("d");
  const month = /m/u.test(letters.replace(/h{1,4}:?m{1,4}|m{1,4}:?s{1,4}/gu, ""));
  const time = /h|s/u.test(letters) && !y && !day;
  const Y = d.getUTCFullYear();
  const M = d.getUTCMonth() + 1;
  const D = d.getUTCDate();
  if (time) return `${String(d.getUTCHours()).padStart(2, "0")}:${String(d.getUTCMinutes()).padStart(2, "0")}`;
  if (y && month && !day) return `${Y}年${M}月`;
  if (!y && month && day) return `${M}月${D}日`;
  if (y && !month && !day) return `${Y}年`;
  return `${Y}年${M}月${D}日`;
}

/** A number as shown: fixed decimals and % from the format code; otherwise 15 significant digits, no float noise. */
export function formatNumber(n: number, code: string | undefined): string {
  if (!Number.isFinite(n)) return "";
  const letters = code ? codeLetters(code) : "general";
  if (letters !== "general" && letters !== "@" && /^[#0,.%\s]+$/u.test(letters) && /0/u.test(letters)) {
    const percent = letters.includes("%");
    const decimals = /\.(0+)/u.exec(letters)?.[1]?.length ?? 0;
    const v = percent ? n * 100 : n;
    let s = Math.abs(v) < 1e15 ? v.toFixed(decimals) : general(v);
    if (letters.includes(",")) s = thousands(s);
    return percent ? `${s}%` : s;
  }
  return general(n);
}

/** 1234567.5 → 1,234,567.5 */
function thousands(s: string): string {
  const neg = s.startsWith("-") ? "-" : "";
  const [int = "", frac] = s.slice(neg.length).split(".");
  let out = "";
  for (let i = 0; i < int.length; i++) out += (i > 0 && (int.length - i) % 3 === 0 ? "," : "") + int[i];
  return neg + out + (frac !== undefined ? `.${frac}` : "");
}

const general = (n: number): string => String(Number(n.toPrecision(15)));

/** Any number cell: a date when its format is a date format, else a number. */
export function displayNumber(n: number, code: string | undefined, date1904 = false): string {
  return isDateFormat(code) && n >= 0 && n < 2_958_466 ? formatDate(serialToDate(n, date1904), code) : formatNumber(n, code);
}
