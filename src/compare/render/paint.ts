/** Styling hooks for the text renderers, so the library never imports chalk (the CLI passes it in). */
export interface Painter {
  bold(s: string): string;
  dim(s: string): string;
  green(s: string): string;
  red(s: string): string;
  yellow(s: string): string;
  cyan(s: string): string;
}

const same = (s: string): string => s;
export const plainPainter: Painter = { bold: same, dim: same, green: same, red: same, yellow: same, cyan: same };
