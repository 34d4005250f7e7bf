/** Worker-thread entry: parses jobs posted by the pool (parsing is CPU-bound). */
import { parentPort } from "node:worker_threads";
import { type JobInput, type ParseSettings, runJob } from "./parse-job.js";

export interface JobMessage {
  readonly id: number;
  readonly input: JobInput;
  readonly settings: ParseSettings;
}

parentPort?.on("message", (m: JobMessage) => {
  void runJob(m.input, m.settings).then((outcome) => parentPort?.postMessage({ id: m.id, outcome }));
});
