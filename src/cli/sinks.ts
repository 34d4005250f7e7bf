/**
 * Where documents go. A Renderer turns outcomes into chunks (pure output functions underneath);
 * a Sink writes them: to stdout, to one atomic `--out` file, or one atomic file per input under
 * `--out-dir`. Streamed formats are written as each document arrives; only XLSX is built whole.
 */
import path from "node:path";
import { BOM, renderDelimitedHeader, renderDelimitedRows } from "../output/csv.js";
import type { HeaderLanguage } from "../output/columns.js";
import { jsonArray, renderJson, renderNdjsonLine, type OutputRecord } from "../output/json.js";
import type { XlsxBuilder } from "../output/xlsx.js";
import { msg } from "./messages.js";
import { GongkaiError } from "../errors.js";
import type { ErrorRecord } from "../schema.js";
import { EXTENSION, type OutputFormat } from "./formats.js";
import type { InputRef } from "./inputs.js";
import type { Outcome } from "./parse-job.js";
import { type InputGuard, type OutputFile, safeOutputPath, type TempFiles, writeFileAtomic } from "./safe-fs.js";

export { OUTPUT_FORMATS, type OutputFormat, EXTENSION } from "./formats.js";

export interface RenderOptions {
  readonly format: OutputFormat;
  readonly pretty: boolean;
  readonly headers: HeaderLanguage;
  /** CSV/TSV: write the header row (off for shard parts that are appended to a first one). */
  readonly headerRow: boolean;
  readonly bom: boolean;
  /** json/ndjson: write failed inputs as error records. */
  readonly errorsInline: boolean;
  /** json: one input gives one object rather than an array. */
  readonly single: boolean;
  /** csv: the spreadsheet dialect (ids kept as text), see output/csv.ts. */
  readonly excel?: boolean;
}

type Chunk = string | Uint8Array;

export const errorRecord = (ref: InputRef, outcome: Extract<Outcome, { ok: false }>): ErrorRecord => ({
  source: { path: ref.abs === null ? null : ref.display },
  error: { code: outcome.error.code, message: outcome.error.message },
});

/** Stateful chunk producer for one output stream. */
export class Renderer {
  private count = 0;

  private constructor(private readonly opts: RenderOptions, private readonly xlsx: XlsxBuilder | null) {}

  /** exceljs is heavy: loaded only when an XLSX is asked for. */
  static async create(opts: RenderOptions): Promise<Renderer> {
    if (opts.format !== "xlsx") return new Renderer(opts, null);
    const { XlsxBuilder } = await import("../output/xlsx.js");
    return new Renderer(opts, new XlsxBuilder(opts.headers));
  }

  start(): Chunk {
    const f = this.opts.format;
    if (f === "csv" || f === "tsv") {
      const header = renderDelimitedHeader(f, { headers: this.opts.headers, bom: this.opts.bom });
      return this.opts.headerRow ? header : this.opts.bom ? BOM : "";
    }
    if (f === "json" && !this.opts.single) return jsonArray.open();
    return "";
  }

  record(ref: InputRef, outcome: Outcome): Chunk {
    const f = this.opts.format;
    let rec: OutputRecord;
    if (outcome.ok) rec = outcome.result;
    else if (this.opts.errorsInline && (f === "json" || f === "ndjson")) rec = errorRecord(ref, outcome);
    else return "";
    const first = this.count++ === 0;
    switch (f) {
      case "json":
        return this.opts.single ? renderJson(rec, this.opts.pretty) : jsonArray.item(rec, first, this.opts.pretty);
      case "ndjson":
        return renderNdjsonLine(rec);
      case "csv":
      case "tsv":
        return "tasks" in rec ? renderDelimitedRows(rec, f, this.opts.excel === true) : "";
      case "xlsx":
        if ("tasks" in rec) this.xlsx?.add(rec);
        return "";
    }
  }

  async end(): Promise<Chunk> {
    if (this.xlsx) return this.xlsx.toBuffer();
    if (this.opts.format === "json" && !this.opts.single) return jsonArray.close(this.count === 0);
    return "";
  }
}

export interface Sink {
  accept(ref: InputRef, outcome: Outcome): Promise<void>;
  /** Normal end: flush and commit. */
  finish(): Promise<void>;
  /** Interrupt or --fail-fast: drop what is not committed. */
  abort(): Promise<void>;
  /** Files committed so far. */
  readonly written: readonly string[];
  /** How the destination is named in messages. */
  readonly label: string;
}

export interface ChunkWriter {
  write(chunk: Chunk): Promise<void>;
  /** Wait until what was written is handed over, and throw its error if any. */
  flush?(): Promise<void>;
}

/**
 * A writer over stdout that waits for "drain" (bounded memory). A closed pipe (EPIPE: `| head`)
 * stops it quietly; any other write error (a full disk, `> /dev/full`) is an E_OUTPUT failure,
 * never a silent loss: it is thrown by the next write or by `flush`.
 */
export function streamWriter(stream: NodeJS.WritableStream): ChunkWriter & { readonly closed: boolean; flush(): Promise<void> } {
  let closed = false;
  let failure: NodeJS.ErrnoException | null = null;
  stream.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") closed = true;
    else failure ??= e;
  });
  const check = (): void => {
    if (failure) throw new GongkaiError("E_OUTPUT", msg("cannotWriteStdout", { why: failure.message.replace(/[\r\n]+/gu, " ") }), { hint: msg("cannotWriteStdoutHint"), cause: failure });
  };
  return {
    get closed() {
      return closed;
    },
    async write(chunk) {
      check();
      if (closed || chunk.length === 0) return;
      if (!stream.write(chunk)) {
        // Wait for the reader, but not forever: a closed pipe never drains.
        await new Promise<void>((resolve) => {
          const done = (): void => {
            stream.off("drain", done).off("error", done).off("close", done);
            resolve();
          };
          stream.on("drain", done).on("error", done).on("close", done);
        });
      }
      check();
    },
    /** Errors of writes already made surface here (a synchronous file write reports them on the next tick). */
    async flush() {
      if (!closed && !failure) {
        await new Promise<void>((resolve) => {
          const ok = stream.write("", () => resolve());
          if (!ok) stream.once("error", () => resolve());
        });
        await new Promise((r) => setImmediate(r));
      }
      check();
    },
  };
}

/** All documents into one stream: stdout, or one atomic file. */
export class StreamSink implements Sink {
  private renderer: Renderer | null = null;
  written: string[] = [];

  constructor(private readonly opts: RenderOptions, private readonly writer: ChunkWriter, private readonly file: OutputFile | null) {}

  get label(): string {
    return this.file ? this.file.target : "stdout";
  }

  private async begin(): Promise<Renderer> {
    if (this.renderer) return this.renderer;
    this.renderer = await Renderer.create(this.opts);
    await this.writer.write(this.renderer.start());
    return this.renderer;
  }

  async accept(ref: InputRef, outcome: Outcome): Promise<void> {
    const r = await this.begin();
    await this.writer.write(r.record(ref, outcome));
  }

  async finish(): Promise<void> {
    const r = await this.begin();
    await this.writer.write(await r.end());
    await this.writer.flush?.();
    if (this.file) {
      await this.file.commit();
      this.written.push(this.file.target);
    }
  }

  async abort(): Promise<void> {
    await this.file?.discard();
  }
}


/** The output name of an input under --out-dir: its relative path with the format's extension. */
export const mirroredName = (rel: string, format: OutputFormat): string => {
  const ext = path.posix.extname(rel);
  return (ext ? rel.slice(0, -ext.length) : rel) + EXTENSION[format];
};

/** One atomic file per input, mirroring the input tree under the output folder. */
export class DirSink implements Sink {
  written: string[] = [];
  private readonly claimed = new Map<string, string>();

  constructor(
    private readonly root: string, private readonly opts: RenderOptions, private readonly temps: TempFiles, private readonly guard: InputGuard,
  ) {}

  get label(): string {
    return this.root;
  }

  async accept(ref: InputRef, outcome: Outcome): Promise<void> {
    if (!outcome.ok) return;
    const target = await safeOutputPath(this.root, mirroredName(ref.rel, this.opts.format));
    const owner = this.claimed.get(target);
    if (owner !== undefined) {
      throw new GongkaiError("E_OUTPUT", msg("alreadyOutputOf", { target: path.relative(this.root, target), owner }), { hint: msg("alreadyOutputOfHint") });
    }
    if (await this.guard.isInput(target)) {
      throw new GongkaiError("E_OUTPUT", msg("refuseOverwriteInput", { target }), { hint: msg("chooseAnotherOutDir") });
    }
    this.claimed.set(target, ref.display);
    const r = await Renderer.create({ ...this.opts, single: true, errorsInline: false });
    const parts = [r.start(), r.record(ref, outcome), await r.end()];
    const data = parts.every((p) => typeof p === "string") ? parts.join("") : Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p) : p)));
    await writeFileAtomic(target, data, this.temps);
    this.written.push(target);
  }

  async finish(): Promise<void> {}
  async abort(): Promise<void> {}
}
