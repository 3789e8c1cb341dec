// Page images drawn in one worker thread (src/preview/rasterWorker.ts), or here where there is none:
// the thread lets the preview rasterise one material while it renders the next.
import { existsSync } from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { RasterAnswer, RasterJob } from "./rasterWorker.js";

/** Compiled (dist/), the thread is dist/preview-raster-worker.js; from the TypeScript, a module that loads tsx first. */
function workerFile(): string | undefined {
  const here = import.meta.filename; // the file actually running
  const file = here.endsWith(".ts") ? path.join(path.dirname(here), "rasterWorker-tsx.mjs") : path.join(path.dirname(here), "preview-raster-worker.js");
  return existsSync(file) ? file : undefined;
}

let worker: Worker | undefined;
let broken = false;
let nextId = 0;
const waiting = new Map<number, { resolve: (pngs: Buffer[]) => void; reject: (err: Error) => void }>();

function thread(): Worker | undefined {
  if (worker || broken) return worker;
  const file = workerFile();
  if (!file) {
    broken = true;
    return undefined;
  }
  worker = new Worker(file);
  worker.unref(); // an idle thread keeps no process alive; referenced while it has work (below)
  worker.on("message", (answer: RasterAnswer) => {
    const job = waiting.get(answer.id);
    if (!job) return;
    waiting.delete(answer.id);
    if (waiting.size === 0) worker?.unref();
    if ("error" in answer) job.reject(new Error(answer.error));
    else job.resolve(answer.pngs.map((png) => Buffer.from(png.buffer, png.byteOffset, png.byteLength)));
  });
  const fail = (err: Error) => {
    // The thread is gone: its jobs, and every later one, are drawn here.
    broken = true;
    worker = undefined;
    const jobs = [...waiting.values()];
    waiting.clear();
    for (const job of jobs) job.reject(err);
  };
  worker.on("error", fail);
  worker.on("exit", (code) => fail(new Error(`the preview's raster thread stopped (exit code ${code})`)));
  return worker;
}

async function here(bytes: Uint8Array, pages: number[], dpi: number): Promise<Buffer[]> {
  const { pageToPng, rasterisePdf } = await import("../raster/rasterisePdf.js"); // pdfium started here only when there is no thread
  const pngs: Buffer[] = [];
  for await (const image of rasterisePdf(bytes, { dpi, pages })) pngs.push(await pageToPng(image));
  return pngs;
}

/** PNG images of `pages` (1-based) of the PDF, drawn at `dpi` by the shared rasteriser. */
export async function drawPages(bytes: Uint8Array, pages: number[], dpi: number): Promise<Buffer[]> {
  const w = thread();
  if (!w) return here(bytes, pages, dpi);
  const id = nextId++;
  try {
    return await new Promise<Buffer[]>((resolve, reject) => {
      waiting.set(id, { resolve, reject });
      w.ref();
      w.postMessage({ id, bytes, pages, dpi } satisfies RasterJob);
    });
  } catch (err) {
    if (!broken) throw err; // the rasteriser's own error (an unreadable PDF): as it would be here
    return here(bytes, pages, dpi);
  }
}
