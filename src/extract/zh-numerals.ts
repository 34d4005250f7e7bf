/** 中文数字: 一 → 1, 十三 → 13, 二十一 → 21, 二〇二二 → 2022 (digit by digit). */

const DIGIT: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** Read a Chinese numeral (一 … 九百九十九) or ASCII digits; null when it is neither. */
export function zhNumber(s: string): number | null {
  if (/^\d+$/u.test(s)) return Number(s);
  if (s.length === 0) return null;
  // Digit-by-digit years: 二〇二二
  if (s.length === 4 && [...s].every((c) => c in DIGIT)) return Number([...s].map((c) => DIGIT[c]).join(""));
  let total = 0;
  let current = 0;
  for (const c of s) {
    if (c in DIGIT) current = DIGIT[c]!;
    else if (c === "十") {
      total += (current || 1) * 10;
      current = 0;
    } else if (c === "百") {
      total += (current || 1) * 100;
      current = 0;
    } else return null;
  }
  return total + current;
}
