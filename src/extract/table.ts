/**
 * 任务表 column headers → roles. A header row names its columns (序号 / 重点任务 / 牵头单位 /
 * 完成时限 …); each maps to the index, the title, a role, a deadline, or plain text.
 *
 *   序号	重点任务	牵头单位	完成时限
 *   index	title	lead	deadline
 */
import { fold, squash } from "../text/chars.js";
import { ROLE_OF_LABEL, type Role } from "./patterns.js";

export type ColumnKind =
  | { kind: "index" }
  /** `place`: a place column (区县, 镇街) names the responsible place and is part of the row's text too. */
  | { kind: "role"; role: Role; place?: true }
  | { kind: "deadline" }
  | { kind: "text" }
  /** A category column (类别, 领域 …): text, but never the task's title. */
  | { kind: "group" }
  | { kind: "ignore" };

export interface ColumnMap {
  readonly kinds: readonly ColumnKind[];
  /** The column whose cell is the task's title (first text column). */
  readonly title: number;
  readonly headers: readonly string[];
}

const INDEX_RE = /^(?:序号|编号|序|No\.?|NO\.?)$/u;
const DEADLINE_RE = /时限|时间|期限|节点|日期|进度/u;
const PLACE_RE = /^(?:区县|县区|县市区|县\(市、区\)|县\(市\)区|市县|区\(县\)|地区|区域|县\(市区\)|各区县|乡镇|镇街|镇\(街道\))$/u;
const IGNORE_RE = /^(?:备注|说明|附注|序)$/u;
const GROUP_RE = /^(?:类别|分类|类型|领域|主要领域|重点领域|方面|板块|专项|项目类别|任务类别|工作类别|行动|专项行动)$/u;

/** Classify one header cell. */
export function columnKind(header: string): ColumnKind {
  const h = fold(squash(header)).replace(/\([^()]{0,8}\)$/u, "");
  if (INDEX_RE.test(h)) return { kind: "index" };
  if (DEADLINE_RE.test(h)) return { kind: "deadline" };
  const exact = ROLE_OF_LABEL.get(h);
  if (exact) return { kind: "role", role: exact };
  if (/牵头|主办|主责/u.test(h) && /单位|部门|处室|科室|机构/u.test(h)) return { kind: "role", role: "lead" };
  if (/配合|协办|协助|参与|参加|支撑|协同/u.test(h)) return { kind: "role", role: "support" };
  if (/指导/u.test(h) && /单位|部门/u.test(h)) return { kind: "role", role: "guide" };
  if (/责任|实施|推进|承办|落实|承担|完成/u.test(h) && /单位|部门|主体|处室|科室/u.test(h)) return { kind: "role", role: "responsible" };
  if (PLACE_RE.test(h)) return { kind: "role", role: "responsible", place: true };
  if (IGNORE_RE.test(h)) return { kind: "ignore" };
  if (GROUP_RE.test(h)) return { kind: "group" };
  return { kind: "text" };
}

/** Recognise a header row; null when the cells are data. */
export function mapColumns(cells: readonly string[]): ColumnMap | null {
  if (cells.length < 2) return null;
  const clean = cells.map((c) => squash(c));
  // column names are short words: a number, a date or a clause (…牵头，…配合) makes it a data row
  if (clean.some((c) => c.length > 16 || /^\d{1,4}[.、]?$|[，,。；;：:]/u.test(c))) return null;
  const kinds = clean.map(columnKind);
  const hasIndex = kinds.some((k) => k.kind === "index");
  const hasRole = kinds.some((k) => k.kind === "role");
  const hasDeadline = kinds.some((k) => k.kind === "deadline");
  if (!hasIndex && !(hasRole && (hasDeadline || kinds.some((k) => k.kind === "text" || k.kind === "group")))) return null;
  if (!hasIndex && !hasRole) return null;
  let title = kinds.findIndex((k) => k.kind === "text");
  if (title < 0) title = kinds.findIndex((k) => k.kind === "group");
  return { kinds, title, headers: clean };
}
