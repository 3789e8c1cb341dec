// The web server: the page and its API on one Fastify instance. Uploads, previews and builds are made
// in memory (the pipeline's compile): the server writes no file but the build cache and the rounds databases.
import Fastify, { type FastifyInstance } from "fastify";
import multipart from "@fastify/multipart";
import compress from "@fastify/compress";
import zlib from "node:zlib";
import { loadContent } from "../load/loadContent.js";
import { openCache } from "../cache/cacheDir.js";
import { loadNeeds } from "../workshop/loadNeeds.js";
import { CONTENT_DIR } from "../load/contentDir.js";
import { preview } from "../preview/preview.js";
import { Profile } from "../schema/profile.js";
import { apiPlugin, MAX_UPLOAD_BYTES } from "./api.js";
import { JobQueue } from "./jobs.js";
import { LogoStore } from "./logos.js";
import { pagePlugin } from "./page.js";
import { resultsPlugin } from "./results.js";
import { EXAMPLE_COMPANY } from "./example.js";
import { guardPlugin } from "./guard.js";

export interface ServerOptions {
  /** Builds at a time (default 1: the machine's cores go to one build and the preview). */
  concurrency?: number;
  /** Creation date of every PDF (default: the content's date, as the CLI). */
  date?: Date;
  /** Fastify's logger (default off; the CLI prints what matters itself). */
  logger?: boolean;
  /** The address listened on (`--host`): requests naming another Host are refused (default 127.0.0.1). */
  host?: string;
  /** Further origins the page may be used from, like `https://hr.example.dk` behind a reverse proxy. */
  origins?: string[];
  /** Draw one preview when the server starts, so the first real one is quick (default true). */
  warm?: boolean;
  /** The folder of the rounds databases, results/<company>.sqlite (default: results/ where the server starts), as the CLI's. */
  resultsDir?: string;
}

export async function createServer(options: ServerOptions = {}): Promise<FastifyInstance> {
  const toolkit = await loadContent(CONTENT_DIR);
  const date = options.date ?? new Date(`${toolkit.info.date}T00:00:00Z`);
  const app = Fastify({ logger: options.logger ?? false, forceCloseConnections: true, bodyLimit: 1024 * 1024 });
  // A fault of workshopkit itself (not a problem of the input) is printed where the server runs.
  const fault = (err: unknown) => {
    if (options.logger) app.log.error(err);
    else process.stderr.write(`workshopkit serve: ${(err as Error).stack ?? String(err)}\n`);
  };
  const logos = new LogoStore();
  const jobs = new JobQueue({ toolkit, needs: await loadNeeds(), cache: openCache(), date, concurrency: options.concurrency ?? 1, log: fault });

  // Host, Origin, security headers, and every refusal in Danish: before anything else.
  await app.register(guardPlugin, { host: options.host, origins: options.origins, maxUploadBytes: MAX_UPLOAD_BYTES, fault });
  // Answers compressed (the API's JSON; the page's own files are compressed once, in page.ts), quickly: brotli at 4, not its slow best.
  await app.register(compress, { encodings: ["br", "gzip"], threshold: 1024, brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } } });
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 4, parts: 5, fieldSize: 1024, headerPairs: 50 }, throwFileSizeLimit: true });
  await app.register(pagePlugin);
  await app.register(apiPlugin, { toolkit, logos, jobs, date, fault });
  await app.register(resultsPlugin, { logos, date, dir: options.resultsDir, fault });
  if (options.warm ?? true) {
    // The example pages a page shows before a name is typed: ready when the first page asks.
    const profile = { label: "profile", profile: Profile.parse({ company: EXAMPLE_COMPANY }) };
    app.addHook("onReady", async () => void preview({ toolkit, profile, date }).catch(fault));
  }
  app.addHook("onClose", () => jobs.idle());
  return app;
}
