/** Reader-thread entry (see sandbox.ts): reads one PDF, .docx or .doc per message and posts the blocks back. */
import { parentPort } from "node:worker_threads";
import { isGongkaiError } from "../errors.js";
import { libText } from "../messages.js";
import type { DecodedInput } from "../text/blocks.js";
import { READ_ERROR_CODE, type SandboxReply, type SandboxRequest } from "./sandbox.js";

async function read(m: SandboxRequest): Promise<DecodedInput> {
  // each step of a PDF is reported: the main thread bounds every step, not only the whole file
  if (m.format === "pdf") return (await import("./pdf.js")).readPdfInProcess(m.bytes, m.opts, (progress) => parentPort?.postMessage({ id: m.id, progress } satisfies SandboxReply));
  if (m.format === "ofd") return (await import("./ofd.js")).readOfdInProcess(m.bytes, m.opts);
  if (m.format === "doc") return (await import("./doc.js")).readDocInProcess(m.bytes, m.opts);
  if (m.format === "xlsx") return (await import("./xlsx.js")).readXlsxInProcess(m.bytes, m.opts);
  if (m.format === "xls") return (await import("./xls.js")).readXlsInProcess(m.bytes, m.opts);
  return (await import("./docx.js")).readDocxInProcess(m.bytes, m.opts);
}

parentPort?.on("message", (m: SandboxRequest) => {
  void read(m).then(
    (input) => parentPort?.postMessage({ id: m.id, ok: true, input } satisfies SandboxReply),
    (e: unknown) => {
      const error = isGongkaiError(e)
        ? { code: e.code, message: e.text ?? e.message, ...(e.hint ? { hint: e.hintText ?? e.hint } : {}) } // the entries cross the thread
        : { code: READ_ERROR_CODE[m.format], message: libText("fileUnreadable", { error: String((e as Error)?.message ?? e).split("\n")[0] ?? "" }) };
      parentPort?.postMessage({ id: m.id, ok: false, error } satisfies SandboxReply);
    },
  );
});
