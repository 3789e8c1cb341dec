// The build queue: every build is the pipeline's own compile, straight from the validated request and
// in memory (nothing is written to disk), one or two at a time; its progress is kept for the page
// (server-sent events) and its files for download.
import { randomUUID } from "node:crypto";
import PQueue from "p-queue";
import { compile, prepare } from "../pipeline.js";
import type { MaterialStore } from "../cache/materialCache.js";
import type { Toolkit } from "../schema/toolkit.js";
import type { WorkshopNeeds } from "../workshop/needs.js";
import { packFolderName } from "../write/outputFolder.js";
import type { StoredLogo } from "./logos.js";
import { publicError, publicWarning, SERVER_FAULT, type PublicError, type PublicWarning } from "./publicError.js";
import { cardOptionsOf, profileOf, type PackRequest } from "./request.js";

export type JobEvent =
  | { type: "queued"; ahead: number }
  | { type: "progress"; done: number; total: number; material: string }
  | { type: "done"; files: DownloadEntry[]; pack: string; warnings: PublicWarning[] }
  | { type: "failed"; problem: PublicError };

export interface DownloadEntry {
  file: string;
  title: string;
  pages?: number;
  bytes: number;
  sha256?: string;
}

export interface Job {
  id: string;
  /** The pack's folder name (the company's slug): the zip is named after it. */
  folder?: string;
  events: JobEvent[];
  /** Every file of the pack by its name, as the CLI writes it, manifest.json included. */
  files: Map<string, Uint8Array>;
  listeners: Set<(event: JobEvent) => void>;
  finished: boolean;
}

export interface JobQueueOptions {
  toolkit: Toolkit;
  /** What each tool's workshop prints, for builds of a workshop. */
  needs: WorkshopNeeds;
  /** The build cache the CLI shares (src/cache), or none. */
  cache?: MaterialStore;
  date?: Date;
  concurrency?: number;
  /** Builds waiting beyond this are refused (503) rather than queued for ever. */
  maxWaiting?: number;
  /** Finished builds kept for download. */
  keep?: number;
  log?: (err: unknown) => void;
}

export class QueueFullError extends Error {}

export class JobQueue {
  private readonly queue: PQueue;
  private readonly jobs = new Map<string, Job>();
  /** Jobs not started yet, in order: each is told how many are ahead of it as the queue moves. */
  private readonly waiting: Job[] = [];

  constructor(private readonly options: JobQueueOptions) {
    this.queue = new PQueue({ concurrency: options.concurrency ?? 1 });
  }

  get(id: string): Job | undefined {
    return this.jobs.get(id);
  }

  /**
   * Queues a build; the request has been validated and its logo (if any) found, and is built with that
   * logo: the store may forget it while the build waits (it keeps the latest uploads), never the build.
   */
  submit(request: PackRequest, logo?: StoredLogo): Job {
    if (this.queue.size >= (this.options.maxWaiting ?? 20)) throw new QueueFullError();
    const job: Job = { id: randomUUID(), events: [], files: new Map(), listeners: new Set(), finished: false };
    this.jobs.set(job.id, job);
    this.forgetOld();
    emit(job, { type: "queued", ahead: this.queue.size + this.queue.pending });
    this.waiting.push(job);
    void this.queue.add(() => {
      this.waiting.splice(this.waiting.indexOf(job), 1);
      this.waiting.forEach((w, i) => emit(w, { type: "queued", ahead: this.queue.pending + i }));
      return this.run(job, request, logo);
    });
    return job;
  }

  async idle(): Promise<void> {
    this.queue.clear();
    this.waiting.length = 0;
    await this.queue.onIdle();
  }

  private async run(job: Job, request: PackRequest, logo: StoredLogo | undefined): Promise<void> {
    const { toolkit, needs, cache, date } = this.options;
    let done: JobEvent;
    try {
      const prepared = prepare({ toolkit, needs, profile: profileOf(request, logo), only: request.only, workshop: request.workshop, cards: cardOptionsOf(request), date });
      const result = await compile(prepared, { cache, onProgress: (p) => emit(job, { type: "progress", ...p }) });
      job.folder = packFolderName(request.profile);
      for (const file of result.files) job.files.set(file.name, file.bytes);
      const listed: { file: string; title: string; pages?: number; sha256: string }[] = [...result.pdfs, ...result.word]; // the PDFs, then the Word files
      const files = [...listed.map((f) => f.file), "manifest.json"].map((name): DownloadEntry => {
        const entry = listed.find((f) => f.file === name);
        return { file: name, title: entry?.title ?? "Manifest", pages: entry?.pages, sha256: entry?.sha256, bytes: job.files.get(name)!.length };
      });
      done = { type: "done", files, pack: result.pack.file, warnings: result.warnings.map((w) => publicWarning(w)) };
    } catch (err) {
      const problem = publicError(err);
      if (!problem) this.options.log?.(err);
      done = { type: "failed", problem: problem ?? SERVER_FAULT };
    }
    emit(job, done);
  }

  private forgetOld(): void {
    const keep = this.options.keep ?? 10;
    const finished = [...this.jobs.values()].filter((j) => j.finished);
    for (const job of finished.slice(0, Math.max(0, finished.length - keep))) this.jobs.delete(job.id);
  }
}

function emit(job: Job, event: JobEvent): void {
  job.events.push(event);
  if (event.type === "done" || event.type === "failed") job.finished = true;
  for (const listener of job.listeners) listener(event);
}
