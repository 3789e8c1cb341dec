// The server's guard, one plugin for the whole instance: requests are answered only for the address
// the server serves (Host: against DNS rebinding), requests that change something or fetch a pack
// only from its own page (Origin, Sec-Fetch-Site: any other page the user has open could post to
// 127.0.0.1), security headers on every answer, and every refusal in Danish, without a stack trace.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { publicError, SERVER_FAULT } from "./publicError.js";

export interface GuardOptions {
  /** The address given to listen on (`--host`); besides it, loopback names and the address each connection came to are served. */
  host?: string;
  /** Further origins the page is served from, e.g. `https://hr.example.dk` behind a reverse proxy. */
  origins?: string[];
  /** Uploads larger than this are refused (the message says the limit). */
  maxUploadBytes: number;
  /** Logo uploads received and checked at once; more get 503 (each may hold its bytes in memory). */
  maxUploads?: number;
  /** A fault of workshopkit itself, printed where the server runs. */
  fault: (err: unknown) => void;
}

/** The page's policy: everything from the server itself; images also as data: and blob: (previews, the logo). */
export const PAGE_CSP = "default-src 'self'; img-src 'self' data: blob:; style-src 'self'; script-src 'self'; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
/** Everything else (JSON, PDFs, zips) is never a document that runs anything. */
const DATA_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
const PAGES = new Set(["/", "/app.js", "/style.css"]);

const LOOPBACK = ["localhost", "127.0.0.1", "::1"];
const WILDCARDS = new Set(["", "0.0.0.0", "::", "[::]"]);

const FOREIGN_PAGE = "Forespørgslen kommer ikke fra workshopkits egen side, så den er afvist. Åbn siden fra den adresse, serveren viser, og prøv igen.";
const FOREIGN_HOST = "Serveren svarer kun på sin egen adresse (den, den viser, når den starter). Åbn siden fra den adresse og prøv igen.";
const BUSY = "Serveren tjekker mange logoer lige nu. Prøv igen om et øjeblik.";

/** `::ffff:127.0.0.1` → `127.0.0.1`, `[::1]` → `::1`, lower case, no trailing dot. */
const normal = (name: string) => name.toLowerCase().replace(/^\[(.*)\]$/, "$1").replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, "$1").replace(/\.$/, "");

/** A Host header's name and port (80 when it gives none), or undefined when it is not one. */
function parseHost(value: string, defaultPort = 80): { name: string; port: number } | undefined {
  const m = /^(\[[0-9a-f:.]+\]|[^:[\]\s/@]+)(?::(\d{1,5}))?$/i.exec(value.trim());
  if (!m) return undefined;
  return { name: normal(m[1]!), port: m[2] ? Number(m[2]) : defaultPort };
}

/** Messages for the framework's own refusals, in the page's language. */
function refusal(err: Error & { code?: string }, status: number, maxUploadBytes: number): string {
  const code = err.code;
  if (code === "FST_ERR_CTP_BODY_TOO_LARGE") return "Forespørgslen er for stor til at være en profil.";
  if (code === "FST_REQ_FILE_TOO_LARGE" || status === 413) return `Filen er for stor. Den må højst fylde ${maxUploadBytes / 1024 / 1024} MB.`;
  if (code === "FST_FILES_LIMIT" || code === "FST_PARTS_LIMIT" || code === "FST_FIELDS_LIMIT") return "Send én fil ad gangen.";
  if (code === "FST_ERR_CTP_INVALID_MEDIA_TYPE" || status === 415) return "Serveren kan ikke læse den slags indhold.";
  if (code === "FST_ERR_VALIDATION") return "Adressen er ikke gyldig.";
  if (code === "FST_ERR_CTP_EMPTY_JSON_BODY") return "Forespørgslen er tom.";
  if (code === "FST_ERR_CTP_INVALID_JSON_BODY" || err instanceof SyntaxError) return "Forespørgslen er ikke gyldig JSON.";
  if (code === "FST_INVALID_MULTIPART_CONTENT_TYPE" || isMalformedUpload(err)) return "Filen kom ikke helt frem (forsendelsen var afbrudt eller ugyldig). Vælg filen igen.";
  return "Forespørgslen kunne ikke læses.";
}

/** busboy's words for a multipart body it cannot read: cut off, without its boundary, broken headers. */
const isMalformedUpload = (err: Error) => /Unexpected end of (form|multipart data)|Boundary not found|Malformed (part )?header|Multipart: |multipart boundary|Part terminated early|Unexpected end of file/i.test(err.message);

export async function guardPlugin(app: FastifyInstance, options: GuardOptions): Promise<void> {
  const configured = normal(options.host ?? "127.0.0.1");
  const origins = new Set((options.origins ?? []).map((o) => new URL(o).origin));
  const originHosts = [...origins].map((o) => new URL(o).host.toLowerCase());

  /** The Host of a request (or of its Origin) names this server: a loopback name, the --host, or the address the connection came to. */
  const servesHost = (value: string, request: FastifyRequest, defaultPort = 80): boolean => {
    if (originHosts.includes(value.toLowerCase())) return true;
    const host = parseHost(value, defaultPort);
    if (!host) return false;
    // The port the connection came to (none for Fastify's inject, which no network reaches).
    const port = request.socket.localPort;
    if (port !== undefined && host.port !== port) return false;
    // The address the connection came to is never another site's name (DNS rebinding needs one).
    if (LOOPBACK.includes(host.name) || host.name === normal(request.socket.localAddress ?? "")) return true;
    return !WILDCARDS.has(configured) && host.name === configured;
  };
  const fromOwnPage = (request: FastifyRequest): boolean => {
    const site = request.headers["sec-fetch-site"];
    if (site !== undefined && site !== "same-origin" && site !== "none") return false;
    const origin = request.headers.origin;
    if (origin === undefined) return true; // not a browser's request from a page: curl, a script (which could do anything anyway)
    if (origins.has(origin)) return true;
    const m = /^(https?):\/\/([^/]+)$/i.exec(origin);
    return !!m && servesHost(m[2]!, request, m[1]!.toLowerCase() === "https" ? 443 : 80);
  };
  const refuse = (reply: FastifyReply, status: number, error: string) => reply.code(status).header("cache-control", "no-store").send({ error, problems: [] });

  let uploads = 0;
  const maxUploads = options.maxUploads ?? 8;

  app.addHook("onRequest", async (request, reply) => {
    const url = request.url.split("?")[0]!;
    // On the raw response, so that the streamed answers (preview, build events) carry them too.
    const raw = reply.raw;
    raw.setHeader("x-content-type-options", "nosniff");
    raw.setHeader("referrer-policy", "no-referrer");
    raw.setHeader("x-frame-options", "DENY");
    raw.setHeader("cross-origin-opener-policy", "same-origin");
    raw.setHeader("cross-origin-resource-policy", "same-origin");
    raw.setHeader("content-security-policy", PAGES.has(url) ? PAGE_CSP : DATA_CSP);
    if (url.startsWith("/api/")) raw.setHeader("cache-control", "no-store");

    if (!servesHost(request.headers.host ?? "", request)) return refuse(reply, 403, FOREIGN_HOST);
    const changes = !["GET", "HEAD", "OPTIONS"].includes(request.method);
    // Packs, results reports and their progress are read only by the page too.
    const reads = url.startsWith("/api/builds/") || url.startsWith("/api/results/");
    if ((changes || reads) && !fromOwnPage(request)) return refuse(reply, 403, FOREIGN_PAGE);

    if (request.method === "POST" && url === "/api/logo") {
      if (uploads >= maxUploads) return refuse(reply.header("retry-after", "10"), 503, BUSY);
      uploads++;
      raw.once("close", () => uploads--);
    }
  });

  app.setErrorHandler((err: Error & { statusCode?: number; code?: string }, _request, reply) => {
    const known = publicError(err);
    if (known) return reply.code(422).send(known);
    const status = err.statusCode ?? (isMalformedUpload(err) ? 400 : 500);
    if (status >= 400 && status < 500) return reply.code(status).send({ error: refusal(err, status, options.maxUploadBytes), problems: [] });
    options.fault(err);
    return reply.code(500).send(SERVER_FAULT);
  });
  app.setNotFoundHandler((_request, reply) => reply.code(404).send({ error: "Den side findes ikke.", problems: [] }));
}
// One guard for the whole server, not one scoped to the routes registered inside it (Fastify's skip-override).
(guardPlugin as unknown as Record<symbol, boolean>)[Symbol.for("skip-override")] = true;
