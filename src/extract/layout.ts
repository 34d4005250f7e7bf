/** Zones of a notice (placeholder, filled in by the core). */
export interface Layout {
  readonly headerEnd: number;
}
