// "Resultater" on the web page: filled scoring sheets uploaded (many files at once, read in memory by
// the results pipeline, one reading at a time, its progress as server-sent events), a round's view
// (the group's medians, the rows to check with their pictures, earlier rounds), rows decided by one
// click, sheets typed in, and the report's files. The rounds database is the CLI's: results/<company>.sqlite
// in the folder the server was started in (or the one it was given), so either lists the other's rounds.
// Every answer is in Danish; a round smaller than the anonymity limit shows the group's medians only.
import { randomUUID } from "node:crypto";
import path from "node:path";
import type { FastifyPluginAsync, FastifyReply } from "fastify";
import PQueue from "p-queue";
import { z } from "zod";
import { WorkshopkitError } from "../errors.js";
import { CONTENT_DIR } from "../load/contentDir.js";
import { missingGlyphs } from "../fonts.js";
import type { LoadedProfile } from "../load/loadProfile.js";
import { Profile } from "../schema/profile.js";
import { slug } from "../slug.js";
import { anonymise, sheetCount } from "../results/anonymise.js";
import { defaultDb, readUploads, reportFiles, roundResults, type Upload } from "../results/pipeline.js";
import type { PageReading } from "../results/recognise.js";
import { RoundsError, RoundStore } from "../results/rounds.js";
import { typedSheet } from "../results/roundSheets.js";
import { MIN_GROUP, MinGroup, RoundName, Score, type PageNote, type Results } from "../results/schema.js";
import { readerContext, type ReaderContext } from "../results/sheetLayout.js";
import type { Paper } from "../results/pageCode.js";
import { styles } from "../../templates/theme.js";
import { DOUBT, NOTE, noteInDanish, warningInDanish } from "../../templates/results/words.js";
import type { LogoStore } from "./logos.js";
import { LogoId, profileOf as packProfile } from "./request.js";
import { publicError, requestProblems, say, SERVER_FAULT } from "./publicError.js";
import { streamEvents } from "./eventStream.js";

/** A scan may be large (a stack of pages at 300 dpi), but not an archive: limits for one upload. */
export const MAX_SCAN_BYTES = 40 * 1024 * 1024;
export const MAX_SCAN_FILES = 100;
export const MAX_UPLOAD_TOTAL = 200 * 1024 * 1024;
const MB = 1024 * 1024;

export interface ResultsContext {
  logos: LogoStore;
  /** The content's date: the report's creation date, as the CLI's. */
  date: Date;
  /** Where each company's rounds database is (default: results/ where the server was started). */
  dir?: string;
  fault: (err: unknown) => void;
}

/** Which profile the sheets were printed from, which round, and the anonymity limit: every request's part. */
const ResultsRequest = z.strictObject({
  profile: Profile.omit({ logo: true }),
  logo: LogoId.optional(),
  round: RoundName.optional(),
  minGroup: MinGroup.default(MIN_GROUP),
});
type ResultsRequest = z.infer<typeof ResultsRequest>;
const InRound = ResultsRequest.required({ round: true });

const ResolveRequest = InRound.extend({
  key: z.string().regex(/^[0-9a-z-]{1,64}$/),
  field: z.string().regex(/^[a-z0-9]+\.[a-z]+\.\d$/),
  /** A score, null for "no valid mark", "undo" to take the decision back. */
  value: z.union([z.number().int().min(1).max(5), z.null(), z.literal("undo")]),
});
const DeleteTypedRequest = InRound.extend({ key: z.string().regex(/^typed-\d{1,6}$/) });
const TypedRequest = InRound.extend({ answers: z.record(z.string().regex(/^[a-z0-9]+\.[a-z]+\.\d$/), Score) });

/** Messages in Danish for what a request or the rounds store refuses. */
type Refusal = { status: number; error: string; problems: { path: string; message: string }[] };
const refusal = (status: number, error: string, problems: Refusal["problems"] = []): Refusal => ({ status, error, problems });

function danishRoundsError(err: RoundsError, shown: string): Refusal {
  switch (err.problem) {
    case "not-a-file":
    case "empty":
    case "not-sqlite":
    case "foreign":
      return refusal(409, `Filen ${shown} er ikke workshopkits egen database over runder, så den bruges ikke. Den er ikke ændret. Flyt eller omdøb filen, og prøv igen.`);
    case "newer":
      return refusal(409, `Databasen ${shown} er lavet af en nyere workshopkit. Den er ikke ændret. Opdatér workshopkit.`);
    case "read-only":
      return refusal(409, `Databasen ${shown} er skrivebeskyttet, så runden kan ikke gemmes. Den er ikke ændret.`);
    case "busy":
      return refusal(503, "Databasen over runder bruges lige nu af en anden workshopkit. Prøv igen om et øjeblik.");
    case "no-round":
      return refusal(404, "Runden findes ikke (længere). Vælg den igen på listen.");
    case "no-row":
      return refusal(409, "Den række er ikke længere til at tjekke. Siden er opdateret.");
    default:
      return refusal(500, `Databasen ${shown} kan ikke bruges lige nu. Intet er gemt.`);
  }
}

function parse<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> | Refusal {
  const parsed = schema.safeParse(body);
  if (parsed.success) {
    // The report prints the round's name: a character its font cannot draw would come out blank.
    const round = (parsed.data as { round?: string }).round;
    const missing = round ? missingGlyphs(round) : [];
    if (missing.length > 0) {
      const message = say("results.roundGlyphs", { characters: missing.map((ch) => `»${ch}«`).join(", "), count: missing.length }, { path: "round" });
      return refusal(400, message, [{ path: "round", message }]);
    }
    return parsed.data;
  }
  // Each problem in Danish from its code, on its field (the round's name is `round`, the profile's fields as in »Pakken«).
  const problems = requestProblems(parsed.error).map(({ path, message }) => ({ path, message }));
  const round = problems.find((p) => p.path === "round");
  if (round) return refusal(400, round.message, [round]);
  if (parsed.error.issues.some((i) => i.path[0] === "profile")) return refusal(400, "Profilen har fejl. Ret dem under »Pakken«: skemaerne læses med den profil, de blev trykt fra.", problems);
  if (parsed.error.issues.some((i) => i.path[0] === "minGroup")) return refusal(400, "Skriv et helt antal skemaer fra 1 til 1000.", [{ path: "minGroup", message: "skriv et helt antal skemaer" }]);
  return refusal(400, "Forespørgslen kunne ikke læses.", problems);
}

const isRefusal = (v: unknown): v is Refusal => typeof v === "object" && v !== null && "status" in v && "error" in v;
const send = (reply: FastifyReply, r: Refusal) => reply.code(r.status).send({ error: r.error, problems: r.problems });

/** A reading of uploaded files: its progress kept for the page (server-sent events). */
type ReadEvent =
  | { type: "queued"; ahead: number }
  | { type: "page"; pages: number; file: string; fileIndex: number; files: number }
  | { type: "done"; sheets: number; added: number; already: number; notes: string[]; warnings: string[] }
  | { type: "failed"; error: string };

interface ReadJob {
  id: string;
  events: ReadEvent[];
  listeners: Set<(e: ReadEvent) => void>;
  finished: boolean;
}

/** A page not read, in Danish: where, and why. */
function noteText(n: PageNote): string {
  const where = n.page ? `${n.source}, side ${n.page}` : n.source;
  if (n.problem) return `${where}: ${noteInDanish(n)}`;
  const hint = n.code === "file" ? " Giv skemaerne som PDF (udfyldt på skærmen eller scannet), JPEG, PNG eller TIFF." : "";
  return `${where}: ${NOTE[n.code]}.${hint}`;
}

export const resultsPlugin: FastifyPluginAsync<ResultsContext> = async (app, ctx) => {
  const dir = path.resolve(ctx.dir ?? "results");
  const dbOf = (company: string) => defaultDb(company, dir);
  /** A change to the company's rounds database (made if missing), closed again whatever happens. */
  const inStore = (company: string, change: (store: RoundStore) => void) => {
    const store = RoundStore.open(dbOf(company));
    try {
      change(store);
    } finally {
      store.close();
    }
  };
  /** The database as the page names it: relative to where the server was started, as the CLI would write it. */
  const shownDb = (file: string) => path.relative(process.cwd(), file) || file;
  const readings = new PQueue({ concurrency: 1 });
  const jobs = new Map<string, ReadJob>();
  const reports = new Map<string, { files: Map<string, Uint8Array>; base: string }>();

  // A logo the server has forgotten (restarted) is left out of the report; the sheet's boxes do not depend on it.
  const profileOf = (request: ResultsRequest): LoadedProfile => packProfile(request, request.logo ? ctx.logos.get(request.logo) : undefined);

  /** Runs `work`, answering the store's refusals and the pipeline's problems in Danish. */
  async function answer(reply: FastifyReply, work: () => Promise<unknown>) {
    try {
      return await work();
    } catch (err) {
      if (err instanceof RoundsError) return send(reply, danishRoundsError(err, shownDb(err.file)));
      // The profile's own problems (a character the font lacks in its name, say) on their fields, in Danish from their codes.
      if (err instanceof WorkshopkitError) return send(reply, refusal(422, "Profilen kan ikke bruges til at læse skemaerne. Ret den under »Pakken«.", publicError(err)!.problems.map(({ path, message }) => ({ path, message }))));
      ctx.fault(err);
      return reply.code(500).send(SERVER_FAULT);
    }
  }

  /** What the page shows of a round: its medians and counts, the rows to check (with pictures), the decisions. */
  async function view(request: ResultsRequest) {
    const reader = await readerContext(CONTENT_DIR, profileOf(request));
    const file = dbOf(request.profile.company);
    const store = RoundStore.open(file, { create: false });
    try {
      const rounds = store?.list() ?? [];
      const sheet = {
        levels: reader.material.scoring.levels.map((l) => ({ id: l.id, name: l.name, caution: reader.material.labels.cautionLevels.includes(l.id), statements: l.statements.map((text, i) => ({ field: `${reader.material.tool.id}.${l.id}.${i + 1}`, text })) })),
        bands: reader.material.scoring.bands,
        cautionNote: reader.material.labels.cautionNote,
      };
      const base = { db: shownDb(file), minGroup: request.minGroup, rounds, sheet };
      if (!request.round || !store) return { ...base, round: null };
      const current = roundResults(reader, store, request.round);
      const results = anonymise(current.results, request.minGroup);
      return {
        ...base,
        round: {
          name: request.round,
          exists: rounds.some((r) => r.name === request.round),
          sheets: sheetCount(results),
          anonymous: results.anonymous ?? null,
          levels: results.levels,
          history: current.rounds.map((r) => ({ name: r.name, sheets: r.sheets, current: r.current, medians: r.levels.map((l) => l.median) })),
          toCheck: results.anonymous ? [] : await rowsToCheck(reader, results, current.crops),
          resolved: results.sheets.flatMap((s) => s.resolved.map((r) => ({ key: s.key, sheet: s.number, field: r.field, value: r.value }))),
          typed: current.results.sheets.filter((s) => s.from === "typed").length,
          // Typed-in sheets are listed (to delete one typed wrongly) only where sheets are shown one by one.
          typedSheets: results.anonymous ? [] : results.sheets.filter((s) => s.from === "typed").map((s) => ({ key: s.key, sheet: s.number })),
        },
      };
    } finally {
      store?.close();
    }
  }

  /**
   * Each row still to check, with its picture and where its boxes are in it (fractions), for a click on
   * the box meant. The picture's extent is readBoxes.cropRow's: from the text's left edge to 8 pt past the
   * last box, 10 pt above and below, at 150 dpi. A stored sheet does not say its paper, but the picture's
   * width does (A4 and US Letter put the boxes 17 pt apart): the boxes are placed over the picture only
   * when its width is exactly the width of one paper's row; otherwise the page offers plain buttons.
   */
  async function rowsToCheck(reader: ReaderContext, results: Results, crops: Map<number, Map<string, Buffer>>) {
    if (!results.sheets.some((s) => s.uncertain.length > 0)) return [];
    const textLeft = Number(styles.page.paddingHorizontal ?? 0);
    const step = 72 / 150;
    const geometry = async (paper: Paper) => {
      const layout = await reader.layout(paper);
      return new Map([...layout.pages.values()].flat().map((row) => {
        const last = row.boxes.at(-1)!, first = row.boxes[0]!;
        const x0 = textLeft, x1 = last.x + last.width + 8, y0 = first.y - 10, y1 = first.y + first.height + 10;
        const boxes = row.boxes.map((b) => ({ option: b.option, left: (b.x - x0) / (x1 - x0), width: b.width / (x1 - x0), top: (b.y - y0) / (y1 - y0), height: b.height / (y1 - y0) }));
        return [row.field, { pixels: Math.round((x1 - x0) / step), boxes }];
      }));
    };
    const papers = await Promise.all([geometry("A4"), geometry("LETTER")]);
    const boxesOf = (field: string, crop: Buffer) => {
      const width = crop.length > 24 ? crop.readUInt32BE(16) : 0; // the PNG's IHDR
      return papers.map((p) => p.get(field)).find((g) => g && g.pixels === width)?.boxes ?? null;
    };
    return results.sheets.flatMap((s) =>
      s.uncertain.map((u) => {
        const crop = crops.get(s.number)?.get(u.field);
        return { key: s.key, sheet: s.number, field: u.field, reason: DOUBT[u.reason] ?? u.reason, where: `${u.source}, side ${u.page}`, crop: crop ? `data:image/png;base64,${crop.toString("base64")}` : null, boxes: crop ? boxesOf(u.field, crop) : null };
      }),
    );
  }

  app.post("/api/results/view", async (request, reply) => {
    const body = parse(ResultsRequest, request.body);
    if (isRefusal(body)) return send(reply, body);
    return answer(reply, () => view(body));
  });

  app.post("/api/results/resolve", async (request, reply) => {
    const body = parse(ResolveRequest, request.body);
    if (isRefusal(body)) return send(reply, body);
    return answer(reply, async () => {
      inStore(body.profile.company, (store) => store.resolve(body.round, body.key, body.field, body.value === "undo" ? undefined : body.value));
      return view(body);
    });
  });

  app.post("/api/results/typed", async (request, reply) => {
    const body = parse(TypedRequest, request.body);
    if (isRefusal(body)) return send(reply, body);
    return answer(reply, async () => {
      const reader = await readerContext(CONTENT_DIR, profileOf(body));
      const unknown = Object.keys(body.answers).filter((f) => !reader.fields.includes(f));
      if (unknown.length > 0) return send(reply, refusal(400, "Skemaet har udsagn, som scoreskemaet ikke kender. Genindlæs siden."));
      inStore(body.profile.company, (store) => store.addTyped(body.round, new Date(), typedSheet(reader.material, body.answers)));
      return view(body);
    });
  });

  app.post("/api/results/round/delete", async (request, reply) => {
    const body = parse(InRound, request.body);
    if (isRefusal(body)) return send(reply, body);
    return answer(reply, async () => {
      const store = RoundStore.open(dbOf(body.profile.company), { create: false });
      if (!store) return send(reply, refusal(404, "Runden findes ikke (længere). Vælg den igen på listen."));
      try {
        store.deleteRound(body.round);
      } finally {
        store.close();
      }
      return view({ ...body, round: undefined });
    });
  });

  app.post("/api/results/typed/delete", async (request, reply) => {
    const body = parse(DeleteTypedRequest, request.body);
    if (isRefusal(body)) return send(reply, body);
    return answer(reply, async () => {
      inStore(body.profile.company, (store) => store.deleteTyped(body.round, body.key));
      return view(body);
    });
  });

  app.post("/api/results/report", async (request, reply) => {
    const body = parse(InRound, request.body);
    if (isRefusal(body)) return send(reply, body);
    return answer(reply, async () => {
      const reader = await readerContext(CONTENT_DIR, profileOf(body));
      const store = RoundStore.open(dbOf(body.profile.company), { create: false });
      if (!store) return send(reply, refusal(404, "Runden findes ikke (længere). Vælg den igen på listen."));
      let files;
      try {
        if (!store.round(body.round)) return send(reply, refusal(404, "Runden har ingen skemaer endnu. Læs skemaer ind, eller skriv et ind."));
        ({ files } = await reportFiles(reader, roundResults(reader, store, body.round), { minGroup: body.minGroup, date: ctx.date }));
      } finally {
        store.close();
      }
      const id = randomUUID();
      reports.set(id, { files: new Map(files.map((f) => [f.name, f.bytes])), base: `${slug(body.profile.company)}-${slug(body.round) || "runde"}` });
      while (reports.size > 10) reports.delete(reports.keys().next().value!);
      return { id, files: files.map((f) => ({ name: f.name, bytes: f.bytes.length })) };
    });
  });

  const reportParams = { type: "object", properties: { id: { type: "string", pattern: "^[0-9a-f-]{36}$" }, name: { type: "string", enum: ["results.pdf", "results.csv", "results.json"] } } } as const;
  const TYPES: Record<string, string> = { pdf: "application/pdf", csv: "text/csv; charset=utf-8", json: "application/json; charset=utf-8" };
  app.get<{ Params: { id: string; name: string } }>("/api/results/reports/:id/:name", { schema: { params: reportParams } }, (request, reply) => {
    const report = reports.get(request.params.id);
    const bytes = report?.files.get(request.params.name);
    if (!report || !bytes) return reply.code(404).send({ error: "Rapporten findes ikke længere. Lav den igen.", problems: [] });
    const ext = request.params.name.split(".").pop()!;
    return reply.type(TYPES[ext]!).header("cache-control", "no-store").header("content-disposition", `attachment; filename="${report.base}-results.${ext}"`).send(Buffer.from(bytes));
  });

  app.post("/api/results/uploads", async (request, reply) => {
    if (!request.isMultipart()) return send(reply, refusal(415, "Send skemaerne som filer (multipart/form-data)."));
    if (readings.size >= 4) return reply.code(503).header("retry-after", "30").send({ error: "Serveren læser mange skemaer lige nu. Prøv igen om et øjeblik.", problems: [] });
    let body: z.infer<typeof InRound> | undefined;
    const uploads: Upload[] = [];
    let total = 0;
    try {
      for await (const part of request.parts({ limits: { fileSize: MAX_SCAN_BYTES, files: MAX_SCAN_FILES, fields: 2, parts: MAX_SCAN_FILES + 2, fieldSize: 256 * 1024 } })) {
        if (part.type === "field") {
          if (part.fieldname !== "request") continue;
          let raw: unknown;
          try {
            raw = JSON.parse(String(part.value));
          } catch {
            return send(reply, refusal(400, "Forespørgslen kunne ikke læses."));
          }
          const parsed = parse(InRound, raw);
          if (isRefusal(parsed)) return send(reply, parsed);
          body = parsed;
          continue;
        }
        const bytes = await part.toBuffer();
        total += bytes.length;
        if (total > MAX_UPLOAD_TOTAL) return send(reply, refusal(413, `Filerne fylder over ${MAX_UPLOAD_TOTAL / MB} MB tilsammen. Send dem i flere omgange.`));
        uploads.push({ name: part.filename || "fil", bytes });
      }
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (code === "FST_REQ_FILE_TOO_LARGE") return send(reply, refusal(413, `En fil er for stor. Hver fil må højst fylde ${MAX_SCAN_BYTES / MB} MB; scan ved 150–300 dpi, eller del stakken op.`));
      if (code === "FST_FILES_LIMIT" || code === "FST_PARTS_LIMIT") return send(reply, refusal(413, `Send højst ${MAX_SCAN_FILES} filer ad gangen.`));
      // Anything else while the body is read is the body's fault (no boundary, cut off): never a 500.
      return send(reply, refusal(400, "Filerne kom ikke helt frem (en afbrudt eller ufuldstændig forsendelse). Send dem igen."));
    }
    if (!body) return send(reply, refusal(400, "Forespørgslen manglede profilen og rundens navn."));
    if (uploads.length === 0) return send(reply, refusal(400, "Der var ingen filer med. Vælg de udfyldte scoreskemaer."));

    const job: ReadJob = { id: randomUUID(), events: [], listeners: new Set(), finished: false };
    jobs.set(job.id, job);
    for (const old of [...jobs.values()].filter((j) => j.finished).slice(0, -10)) jobs.delete(old.id);
    const emit = (event: ReadEvent) => {
      job.events.push(event);
      if (event.type === "done" || event.type === "failed") job.finished = true;
      for (const l of job.listeners) l(event);
    };
    emit({ type: "queued", ahead: readings.size + readings.pending });
    const request_ = body;
    void readings.add(async () => {
      let pages = 0;
      let fileIndex = 0;
      try {
        const run = await readUploads(profileOf(request_), uploads, {
          round: request_.round,
          db: dbOf(request_.profile.company),
          onFile: (index) => (fileIndex = index),
          onPage: (_reading: PageReading) => emit({ type: "page", pages: ++pages, file: uploads[fileIndex]?.name ?? "", fileIndex: fileIndex + 1, files: uploads.length }),
        });
        const notes = [...run.results.unreadable, ...run.results.skipped].map(noteText);
        emit({ type: "done", sheets: run.results.sheets.length, added: run.added, already: run.already, notes, warnings: run.results.warnings.map(warningInDanish) });
      } catch (err) {
        if (err instanceof RoundsError) emit({ type: "failed", error: danishRoundsError(err, shownDb(err.file)).error });
        else if (err instanceof WorkshopkitError) emit({ type: "failed", error: "Profilen kan ikke bruges til at læse skemaerne. Ret den under »Pakken«." });
        else {
          ctx.fault(err);
          emit({ type: "failed", error: SERVER_FAULT.error });
        }
      }
    });
    return reply.code(202).send({ id: job.id });
  });

  const jobParams = { type: "object", properties: { id: { type: "string", pattern: "^[0-9a-f-]{36}$" } } } as const;
  app.get<{ Params: { id: string } }>("/api/results/uploads/:id/events", { schema: { params: jobParams } }, (request, reply) => {
    const job = jobs.get(request.params.id);
    if (!job) return reply.code(404).send({ error: "Den indlæsning findes ikke (længere).", problems: [] });
    streamEvents(reply, job);
  });

  app.addHook("onClose", async () => {
    readings.clear();
    await readings.onIdle();
  });
};
