/**
 * Dev notices in the forms sites publish them (made by fixtures/_tools/formats_gen.sh with LibreOffice):
 * each form that showed a reader family reads exactly as the notice's gold.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseBuffer } from "../../src/index.js";
import { diffGold, type Gold } from "../helpers/gold.js";

const root = join(import.meta.dirname, "../..");
// a three-page PDF on a machine shared by many jobs can take longer than the default per-input limit
process.env["GONGKAI_READ_TIMEOUT_MS"] ??= "150000";

const CASES: readonly { file: string; gold: string; family: string }[] = [
  { file: "gazette_11_pingtan-2023-xinwuranwu.pdf", gold: "11_pingtan-2023-xinwuranwu", family: "a 公报 page in two text columns" },
  { file: "gazette_06_pingtan-2016-yanglao-buduanban.pdf", gold: "06_pingtan-2016-yanglao-buduanban", family: "a unit list wrapped at a column's edge (回行)" },
  { file: "tabs_13_guobanfa-2018-chuangxin-tuiguang.docx", gold: "13_guobanfa-2018-chuangxin-tuiguang", family: "a table typed with Word tab stops" },
];

describe("format corpus against gold", () => {
  it.each(CASES)("$file ($family)", async ({ file, gold }) => {
    const path = join(root, "fixtures/formats", file);
    const g = JSON.parse(readFileSync(join(root, "fixtures/dev/gold", `${gold}.gold.json`), "utf8")) as Gold;
    const result = await parseBuffer(readFileSync(path), { path });
    expect(diffGold(result, g)).toEqual([]);
  }, 180_000);
});
