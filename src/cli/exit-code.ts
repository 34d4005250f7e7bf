/** Exit statuses (documented in README and --help). Pure. */
export const EXIT = { ok: 0, failed: 1, usage: 2, interrupted: 130 } as const;

export function exitCode(r: { failures: number; warnings: number; strict: boolean; usageError?: boolean; interrupted?: boolean }): number {
  if (r.interrupted) return EXIT.interrupted;
  if (r.usageError) return EXIT.usage;
  if (r.failures > 0) return EXIT.failed;
  if (r.strict && r.warnings > 0) return EXIT.failed;
  return EXIT.ok;
}
