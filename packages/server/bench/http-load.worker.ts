// Worker-thread entry of runHttpLoadInWorker: runs one load and posts progress and the result.
import { parentPort, workerData } from "node:worker_threads";
import { runHttpLoad, type HttpLoadOptions } from "./http-load.js";

const port = parentPort!;
runHttpLoad(workerData as HttpLoadOptions, (progress) => port.postMessage({ kind: "progress", progress })).then(
  (result) => port.postMessage({ kind: "result", result }),
  (err: unknown) => port.postMessage({ kind: "failed", message: err instanceof Error ? (err.stack ?? err.message) : String(err) }),
);
