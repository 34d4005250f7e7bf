/** Worker-thread entry: parses jobs posted by the pool (parsing is CPU-bound). */
import { parentPort, workerData } from "node:worker_threads";
import { type Lang, setLang } from "./messages.js";
import { type JobInput, type ParseSettings, runJob } from "./parse-job.js";

export interface JobMessage {
  readonly id: number;
  readonly input: JobInput;
  readonly settings: ParseSettings;
}

const lang = (workerData as { lang?: Lang } | null)?.lang;
if (lang) setLang(lang);

parentPort?.on("message", (m: JobMessage) => {
  void runJob(m.input, m.settings).then((outcome) => parentPort?.postMessage({ id: m.id, outcome }));
});
