// The page's API, one plugin per concern: the toolkit's facts, logo upload, preview, and builds.
// Handlers only check input (the CLI's zod schemas) and hand over to the pipeline's stages.
import type { FastifyPluginAsync, FastifyReply } from "fastify";
import type { z } from "zod";
import PQueue from "p-queue";
import { WorkshopkitError } from "../errors.js";
import { listMaterials } from "../resolve/resolve.js";
import type { Toolkit } from "../schema/toolkit.js";
import { previewPages } from "../preview/preview.js";
import type { LogoStore, StoredLogo } from "./logos.js";
import { JobQueue, QueueFullError, type JobEvent } from "./jobs.js";
import { publicError, publicProblem, publicWarning, requestProblems, SERVER_FAULT } from "./publicError.js";
import { draftProblems } from "../validate/validate.js";
import { cardOptionsOf, PackRequest, PreviewRequest, profileOf } from "./request.js";
import { zipPack } from "./zip.js";
import { loadNeeds } from "../workshop/loadNeeds.js";
import { deckCards } from "../workshop/workshop.js";
import { streamEvents } from "./eventStream.js";

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

export interface ApiContext {
  toolkit: Toolkit;
  logos: LogoStore;
  jobs: JobQueue;
  /** The content's date: every PDF's creation date, as the CLI uses it. */
  date: Date;
  /** Reports a fault of workshopkit itself where the server runs (the page is told only that it happened). */
  fault: (err: unknown) => void;
}

/** The request's body by `schema` (a PackRequest or more), or a 400 naming each field (`contacts.hr.phone`) and what is expected. */
function parsePackRequest<S extends typeof PackRequest | typeof PreviewRequest = typeof PackRequest>(body: unknown, reply: FastifyReply, schema: S = PackRequest as S): z.infer<S> | undefined {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data as z.infer<S>;
  const problems = requestProblems(parsed.error);
  void reply.code(400).send({ error: "Profilen har fejl. Ret felterne, der er markeret.", problems });
  return undefined;
}

/** The uploaded logo a request names, or a 409 asking the page to upload it again (the server forgets old logos). */
function logoOf(ctx: ApiContext, request: PackRequest, reply: FastifyReply): StoredLogo | null | undefined {
  if (!request.logo) return null;
  const logo = ctx.logos.get(request.logo);
  if (!logo) void reply.code(409).send(publicError(WorkshopkitError.of("serve.logoUnknown", {}, { path: "logo" })));
  return logo;
}

const infoRoutes = (ctx: ApiContext): FastifyPluginAsync => async (app) => {
  const films = new Map<string, string>();
  for (const tool of ctx.toolkit.tools)
    for (const step of tool.steps)
      for (const b of step.blocks) if (b.type === "film" && !films.has(b.id)) films.set(b.id, `Værktøj ${tool.number}: ${b.text}`);
  const info = {
    title: ctx.toolkit.info.title,
    films: [...films].map(([id, label]) => ({ id, label })),
    materials: listMaterials(ctx.toolkit).map((m) => ({ id: m.id, title: m.title, kind: m.kind })),
    maxUploadBytes: MAX_UPLOAD_BYTES,
    // "Til workshoppen": the tools as the page presents them, and what each one's workshop prints (the page plans with src/workshop).
    tools: ctx.toolkit.tools.map((t) => ({ id: t.id, number: t.number, title: t.title, audience: t.audience, purpose: t.purpose, time: t.time })),
    workshop: await loadNeeds(),
    deckCards: deckCards(ctx.toolkit),
  };
  app.get("/api/info", async () => info);
};

const logoRoutes = (ctx: ApiContext): FastifyPluginAsync => async (app) => {
  app.post("/api/logo", async (request, reply) => {
    if (!request.isMultipart()) return reply.code(415).send({ error: "Send logoet som en fil (multipart/form-data).", problems: [] });
    const file = await request.file();
    if (!file) return reply.code(400).send({ error: "Der var ingen fil med.", problems: [{ path: "logo", message: "vælg en logofil" }] });
    // The browser's file name is never used: the store names the file itself.
    const bytes = await file.toBuffer();
    // busboy marks a cut-off file after its last chunk, which toBuffer may not see: check it here too.
    if (file.file.truncated) return reply.code(413).send({ error: `Filen er for stor. Den må højst fylde ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`, problems: [{ path: "logo", message: `højst ${MAX_UPLOAD_BYTES / 1024 / 1024} MB` }] });
    try {
      const stored = await ctx.logos.add(bytes);
      return {
        id: stored.id,
        width: stored.logo.width,
        height: stored.logo.height,
        suggestion: stored.suggestion ?? null,
        warnings: stored.warnings.map((w) => publicWarning(w).message),
        src: `data:image/png;base64,${stored.logo.png.toString("base64")}`,
      };
    } catch (err) {
      if (!(err instanceof WorkshopkitError)) throw err;
      return reply.code(422).send({ error: "Filen kan ikke bruges som logo.", problems: [{ path: "logo", code: err.code, message: publicError(err)!.error }] });
    }
  });
};

const previewRoutes = (ctx: ApiContext): FastifyPluginAsync => async (app) => {
  // One preview at a time; one whose page has gone (a newer change replaced it) stops. Each page is
  // sent as soon as it is drawn, one JSON line each (NDJSON); a problem is a last line with `error`.
  const queue = new PQueue({ concurrency: 1 });
  app.post("/api/preview", async (request, reply) => {
    const body = parsePackRequest(request.body, reply, PreviewRequest);
    if (!body) return reply;
    const logo = logoOf(ctx, body, reply);
    if (logo === undefined) return reply;
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, { "content-type": "application/x-ndjson; charset=utf-8", "cache-control": "no-store" });
    await queue.add(async () => {
      if (raw.destroyed) return;
      const profile = profileOf(body, logo ?? undefined);
      try {
        for await (const page of previewPages({ toolkit: ctx.toolkit, profile, cards: cardOptionsOf(body), date: ctx.date, pages: body.pages, dpi: body.dpi })) {
          if (raw.destroyed) return;
          raw.write(`${JSON.stringify({ key: page.key, label: page.label, src: `data:image/png;base64,${page.png.toString("base64")}` })}\n`);
        }
      } catch (err) {
        const problem = publicError(err);
        if (!problem) ctx.fault(err);
        raw.write(`${JSON.stringify(problem ?? SERVER_FAULT)}\n`);
      } finally {
        raw.end();
      }
    });
  });
};

/** The checks the form cannot make itself (the help card's fit, the card size, the decks), cheap enough to ask while one types. */
const checkRoutes = (ctx: ApiContext): FastifyPluginAsync => async (app) => {
  app.post("/api/check", async (request, reply) => {
    const body = parsePackRequest(request.body, reply);
    if (!body) return reply;
    return { problems: draftProblems(ctx.toolkit, body.profile, cardOptionsOf(body)).map((p) => publicProblem(p)) };
  });
};

const buildRoutes = (ctx: ApiContext): FastifyPluginAsync => async (app) => {
  app.post("/api/builds", async (request, reply) => {
    const body = parsePackRequest(request.body, reply);
    if (!body) return reply;
    const logo = logoOf(ctx, body, reply);
    if (logo === undefined) return reply;
    try {
      const job = ctx.jobs.submit(body, logo ?? undefined);
      const first = job.events[0] as Extract<JobEvent, { type: "queued" }>;
      return reply.code(202).send({ id: job.id, ahead: first.ahead });
    } catch (err) {
      if (!(err instanceof QueueFullError)) throw err;
      return reply.code(503).header("retry-after", "30").send({ error: "Serveren bygger mange pakker lige nu. Prøv igen om et øjeblik.", problems: [] });
    }
  });

  const params = { type: "object", properties: { id: { type: "string", pattern: "^[0-9a-f-]{36}$" }, name: { type: "string", pattern: "^[a-z0-9][a-z0-9.-]{0,120}$" } } } as const;
  const notFound = (reply: FastifyReply) => reply.code(404).send({ error: "Den pakke eller fil findes ikke (længere). Byg pakken igen.", problems: [] });

  app.get<{ Params: { id: string } }>("/api/builds/:id/events", { schema: { params } }, (request, reply) => {
    const job = ctx.jobs.get(request.params.id);
    if (!job) return notFound(reply);
    streamEvents(reply, job);
  });

  app.get<{ Params: { id: string; name: string } }>("/api/builds/:id/files/:name", { schema: { params } }, (request, reply) => {
    const bytes = ctx.jobs.get(request.params.id)?.files.get(request.params.name);
    if (!bytes) return notFound(reply);
    const type = request.params.name.endsWith(".pdf") ? "application/pdf" : request.params.name.endsWith(".docx") ? "application/vnd.openxmlformats-officedocument.wordprocessingml.document" : "application/json";
    return reply.type(type).header("content-disposition", `attachment; filename="${request.params.name}"`).send(Buffer.from(bytes));
  });

  app.get<{ Params: { id: string } }>("/api/builds/:id/zip", { schema: { params } }, (request, reply) => {
    const job = ctx.jobs.get(request.params.id);
    if (!job?.folder || job.files.size === 0) return notFound(reply);
    const zip = zipPack(job.files, ctx.date);
    return reply.type("application/zip").header("content-disposition", `attachment; filename="${job.folder}.zip"`).send(Buffer.from(zip));
  });
};

export const apiPlugin: FastifyPluginAsync<ApiContext> = async (app, ctx) => {
  await app.register(infoRoutes(ctx));
  await app.register(logoRoutes(ctx));
  await app.register(previewRoutes(ctx));
  await app.register(checkRoutes(ctx));
  await app.register(buildRoutes(ctx));
};

