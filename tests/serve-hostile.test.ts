// The web server under hostile and careless requests: every one gets a clear 4xx (or is queued and
// built), nothing outside the server's temporary folder is read or written, and it keeps serving.
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import sharp from "sharp";
import { createServer } from "../src/serve/server.js";
import { listenLocal } from "./support/listen.js";
import { useCache } from "./support/runCache.js";

const ROOT = path.resolve(import.meta.dirname, "..");
const parent = mkdtempSync(path.join(tmpdir(), "wk-serve-hostile-"));
// The build cache of this file's builds, its own (and watched: a preview must never write to it).
const cache = path.join(parent, "build-cache");
const restoreCache = useCache(cache); // the run's cache put back in afterAll
const cacheEntries = (dir = cache): number => (existsSync(dir) ? readdirSync(dir, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? cacheEntries(path.join(dir, e.name)) : 1), 0) : 0);
let app: FastifyInstance;
let base: string;

const profile = { company: "Hostile Test ApS", colour: "#1F6F8B", paper: "A4", contacts: { hr: { name: "HR", phone: "12 34 56 78" } }, films: {} };
/** The smallest build the API allows: one material and the pack around it. */
const small = (extra: Record<string, unknown> = {}) => ({ profile, cards: {}, only: ["help-card"], ...extra });

const post = (url: string, body: unknown) => fetch(base + url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
const upload = (bytes: Uint8Array, name = "logo.png") => {
  const form = new FormData();
  form.append("file", new Blob([new Uint8Array(bytes)]), name);
  return fetch(`${base}/api/logo`, { method: "POST", body: form });
};
async function stillServing() {
  const r = await fetch(`${base}/api/info`);
  expect(r.status).toBe(200);
  expect((await r.json()).films.length).toBeGreaterThan(0);
}
/** The build's server-sent events, read to the end. */
async function events(id: string): Promise<{ event: string; data: any }[]> {
  const text = await (await fetch(`${base}/api/builds/${id}/events`)).text();
  return text
    .trim()
    .split("\n\n")
    .map((block) => {
      const [, event] = /^event: (.*)$/m.exec(block)!;
      const [, data] = /^data: (.*)$/m.exec(block)!;
      return { event: event!, data: JSON.parse(data!) };
    });
}

beforeAll(async () => {
  app = await createServer({ warm: false });
  base = await listenLocal(app);
});
afterAll(async () => {
  await app?.close();
  restoreCache();
});

describe("uploads", () => {
  it("refuses a file over 10 MB with 413 and a message saying the limit", async () => {
    const r = await upload(new Uint8Array(10 * 1024 * 1024 + 1));
    expect(r.status).toBe(413);
    expect((await r.json()).error).toMatch(/10 MB/);
    await stillServing();
  });

  it("refuses a file that is not an image, naming the logo field", async () => {
    for (const bytes of [new TextEncoder().encode("just text, called logo.png"), new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]), readFileSync(path.join(ROOT, "package.json"))]) {
      const r = await upload(bytes);
      expect(r.status).toBe(422);
      const body = await r.json();
      expect(body.problems[0].path).toBe("logo");
      expect(JSON.stringify(body)).not.toMatch(/ at |workshopkit-serve-|node_modules/);
    }
    await stillServing();
  });

  it("accepts a real PNG whatever its name, and never writes under that name", async () => {
    const png = await sharp({ create: { width: 300, height: 100, channels: 3, background: "#c0392b" } }).png().toBuffer();
    const r = await upload(png, "../../../../tmp/evil-logo.png");
    expect(r.status).toBe(200);
    const body = await r.json();
    expect(body.id).toMatch(/^[0-9a-f]{64}$/);
    expect(body.suggestion).toBe("#C0392B");
    // 300 pixels across the cover's 80 mm print blurred: the CLI's warning, without any file name.
    expect(body.warnings.join(" ")).toMatch(/\d+ dpi/);
    expect(body.warnings.join(" ")).not.toMatch(/evil|upload|workshopkit-serve-/);
    expect(existsSync("/tmp/evil-logo.png")).toBe(false);
    expect(existsSync(path.join(parent, "evil-logo.png"))).toBe(false);
  });

  it("refuses a pixel bomb; an SVG that refers to other files is taken with the CLI's warning that they are left out", async () => {
    const bomb = await sharp({ create: { width: 10_000, height: 5_000, channels: 3, background: "#ffffff" } }).png({ compressionLevel: 9, palette: true }).toBuffer();
    expect(bomb.length).toBeLessThan(10 * 1024 * 1024);
    const refused = await upload(bomb);
    expect(refused.status).toBe(422);
    expect((await refused.json()).problems[0].message).toMatch(/for mange pixel/); // in Danish, from the code
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="400" height="100"><rect width="400" height="100" fill="#2a6f97"/><image href="file:///etc/passwd" width="10" height="10"/><image xlink:href="../../package.json" width="10" height="10"/></svg>';
    const drawn = await upload(new TextEncoder().encode(svg), "logo.svg");
    expect(drawn.status).toBe(200);
    expect((await drawn.json()).warnings.join(" ")).toMatch(/billede uden for filen/);
    await stillServing();
  });

  it("refuses a request that is not multipart, and an empty one", async () => {
    expect((await post("/api/logo", { file: "x" })).status).toBe(415);
    const empty = await fetch(`${base}/api/logo`, { method: "POST", body: new FormData() });
    expect(empty.status).toBe(400);
    await stillServing();
  });
});

describe("no path from a request reaches the file system", () => {
  it("answers 4xx to traversal in every name of a URL", async () => {
    const urls = [
      "/fonts/..%2F..%2Fpackage.json",
      "/fonts/../../package.json",
      "/../../etc/passwd",
      "/api/builds/..%2F..%2F..%2Fetc/zip",
      "/api/builds/00000000-0000-0000-0000-000000000000/files/..%2F..%2F..%2Fetc%2Fpasswd",
      "/api/builds/00000000-0000-0000-0000-000000000000/files/%2Fetc%2Fpasswd",
      "/api/builds/00000000-0000-0000-0000-000000000000/files/manifest.json",
    ];
    for (const url of urls) {
      const r = await fetch(base + url);
      expect(r.status, url).toBeGreaterThanOrEqual(400);
      expect(r.status, url).toBeLessThan(500);
      const text = await r.text();
      expect(text, url).not.toMatch(/root:|"dependencies"/);
    }
    await stillServing();
  });

  it("refuses a logo path, a bad logo id or a traversing material id in a build", async () => {
    const bad = [
      small({ profile: { ...profile, logo: "../../../etc/passwd" } }),
      small({ logo: "../../etc/passwd" }),
      small({ only: ["../../etc/passwd"] }),
      small({ profile: { ...profile, folder: "../../evil" } }),
      { ...small(), out: "/tmp/evil" },
    ];
    for (const body of bad) {
      const r = await post("/api/builds", body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      const answer = await r.json();
      expect(answer.problems.length, JSON.stringify(answer)).toBeGreaterThan(0);
    }
    await stillServing();
  });

  it("answers broken JSON and a wrong profile with 400, naming the field in the profile's terms", async () => {
    const broken = await fetch(`${base}/api/builds`, { method: "POST", headers: { "content-type": "application/json" }, body: "{ not json" });
    expect(broken.status).toBe(400);
    const wrong = await post("/api/preview", small({ profile: { ...profile, contacts: { hr: { name: "HR", phone: "12" } } } }));
    expect(wrong.status).toBe(400);
    expect((await wrong.json()).problems).toContainEqual(expect.objectContaining({ path: "contacts.hr.phone" }));
    const huge = await post("/api/builds", small({ profile: { ...profile, company: "x".repeat(2 * 1024 * 1024) } }));
    expect(huge.status).toBe(413);
    expect((await huge.json()).error).toMatch(/for stor/);
    const unknownLogo = await post("/api/builds", small({ logo: "a".repeat(64) }));
    expect(unknownLogo.status).toBe(409);
    expect(await unknownLogo.json()).toEqual({ error: "Serveren har ikke logoet længere. Vælg logofilen igen.", code: "serve.logoUnknown", problems: [{ path: "logo", code: "serve.logoUnknown", message: "Serveren har ikke logoet længere. Vælg logofilen igen." }] });
    await stillServing();
  });
});

describe("preview", () => {
  const lines = async (r: Response) => (await r.text()).trim().split("\n").map((l) => JSON.parse(l));

  it("streams the branded pages as PNG images, quick ones first", async () => {
    const r = await post("/api/preview", small());
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toMatch(/ndjson/);
    const pages = await lines(r);
    expect(pages.map((p) => p.key)).toEqual(["cover", "cards-front", "cards-back", "help-card-front", "help-card-back", "worksheet"]);
    for (const page of pages) {
      const png = Buffer.from(page.src.replace(/^data:image\/png;base64,/, ""), "base64");
      const { width, height } = await sharp(png).metadata();
      expect(height! / width!).toBeCloseTo(297 / 210, 1); // A4 portrait, as the profile asks
    }
    // The preview makes its materials itself and keeps only images: nothing it made can reach a pack.
    expect(cacheEntries()).toBe(0);
  }, 60_000);

  it("draws one page larger on request, within limits", async () => {
    const [cover, ...rest] = await lines(await post("/api/preview", small({ pages: ["cover"], dpi: 100 })));
    expect(rest).toEqual([]);
    const { width } = await sharp(Buffer.from(cover.src.split(",")[1], "base64")).metadata();
    expect(width).toBe(Math.round((210 / 25.4) * 100));
    expect((await post("/api/preview", small({ pages: ["cover"], dpi: 1000 }))).status).toBe(400);
    expect((await post("/api/preview", small({ pages: ["../../etc/passwd"] }))).status).toBe(400);
  }, 60_000);

  it("ends with the problem and its field when the build would refuse the profile", async () => {
    const r = await post("/api/preview", small({ profile: { ...profile, company: "Smiley \u{1F600} ApS" } }));
    const last = (await lines(r)).at(-1);
    expect(last.problems).toContainEqual(expect.objectContaining({ path: "company" }));
    expect(JSON.stringify(last)).not.toMatch(/\n\s+at |workshopkit-serve-/);
    await stillServing();
  });
});

describe("builds", () => {
  it("queues ten builds at once, builds each, keeps serving meanwhile, and cleans up its folders", async () => {
    const started = await Promise.all(Array.from({ length: 10 }, () => post("/api/builds", small())));
    expect(started.map((r) => r.status)).toEqual(Array(10).fill(202));
    const ids = await Promise.all(started.map(async (r) => (await r.json()).id as string));
    expect(new Set(ids).size).toBe(10);
    await stillServing();
    const all = await Promise.all(ids.map(events));
    for (const list of all) {
      expect(list[0]!.event).toBe("queued");
      const last = list.at(-1)!;
      expect(last.event).toBe("done");
      expect(list.some((e) => e.event === "progress")).toBe(true);
      expect(last.data.files.map((f: { file: string }) => f.file)).toEqual(["help-card.pdf", "hostile-test-aps-pakke.pdf", "manifest.json"]);
    }
    // Some waited behind others: the queue, not ten builds at once.
    expect(Math.max(...all.map((list) => list[0]!.data.ahead))).toBeGreaterThan(0);
    const pdf = await fetch(`${base}/api/builds/${ids[9]}/files/help-card.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe("%PDF-");
    expect(cacheEntries()).toBeGreaterThan(0); // the builds did use the cache
  });

  it("reports a build that fails with the field to fix, never a stack trace or a server path", async () => {
    const r = await post("/api/builds", small({ profile: { ...profile, company: "Smiley \u{1F600} ApS" } }));
    expect(r.status).toBe(202);
    const list = await events((await r.json()).id);
    const last = list.at(-1)!;
    expect(last.event).toBe("failed");
    expect(last.data.problem.problems).toContainEqual(expect.objectContaining({ path: "company" }));
    expect(JSON.stringify(last.data)).not.toMatch(/\n\s+at |workshopkit-serve-|build-[A-Za-z0-9]{6}/);
    await stillServing();
  });
});

// Issue #23: the server answers only for its own address, takes changes and hands out packs only to
// its own page, sends security headers on every answer, and refuses malformed requests in Danish.
interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}
/** A request with exactly the headers given (Host, Origin and Sec-Fetch-Site as a browser or an attacker sends them). */
function raw(method: string, url: string, headers: Record<string, string> = {}, body?: string | Buffer): Promise<Raw> {
  const { port } = new URL(base);
  return new Promise((done, fail) => {
    const request = httpRequest({ host: "127.0.0.1", port, method, path: url, headers: { host: `127.0.0.1:${port}`, ...headers, ...(body !== undefined ? { "content-length": String(Buffer.byteLength(body)) } : {}) } }, (response) => {
      let text = "";
      response.on("data", (d: Buffer) => (text += d.toString("utf8")));
      response.on("end", () => done({ status: response.statusCode!, headers: response.headers, body: text }));
      response.on("error", fail);
    });
    request.on("error", fail);
    request.end(body);
  });
}
const port = () => new URL(base).port;
const json = { "content-type": "application/json" };
const multipart = (boundary: string) => ({ "content-type": `multipart/form-data; boundary=${boundary}` });
const part = (boundary: string, bytes: string) => `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="logo.png"\r\nContent-Type: image/png\r\n\r\n${bytes}`;
const FOREIGN_PAGE = /^Forespørgslen kommer ikke fra workshopkits egen side/;
const FOREIGN_HOST = /^Serveren svarer kun på sin egen adresse/;

/** Whatever the server printed meanwhile (a fault of its own goes to stderr, with its stack). */
async function printed<T>(work: () => Promise<T>): Promise<{ result: T; log: string }> {
  const write = process.stderr.write.bind(process.stderr);
  let log = "";
  process.stderr.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    log += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
    return (write as (...a: unknown[]) => boolean)(chunk, ...rest);
  }) as typeof process.stderr.write;
  try {
    return { result: await work(), log };
  } finally {
    process.stderr.write = write;
  }
}

describe("only its own page, at its own address (Origin, Sec-Fetch-Site, Host)", () => {
  let built: string;
  beforeAll(async () => {
    const r = await post("/api/builds", small());
    built = (await r.json()).id;
    expect((await events(built)).at(-1)!.event).toBe("done");
  }, 120_000);

  interface GuardCase {
    name: string;
    method: string;
    url: () => string;
    headers: () => Record<string, string>;
    body?: () => string;
    status: number;
    error?: RegExp;
  }
  const build = () => JSON.stringify(small());
  const pack = () => `/api/builds/${built}/zip`;
  const refused: GuardCase[] = [
    { name: "a build posted from another site's page", method: "POST", url: () => "/api/builds", headers: () => ({ ...json, origin: "http://evil.example" }), body: build, status: 403, error: FOREIGN_PAGE },
    { name: "a logo posted as a form from another site (no preflight)", method: "POST", url: () => "/api/logo", headers: () => ({ ...multipart("XX"), origin: "https://evil.example" }), body: () => `${part("XX", "abc")}\r\n--XX--\r\n`, status: 403, error: FOREIGN_PAGE },
    { name: "a preview from a sandboxed page (Origin: null)", method: "POST", url: () => "/api/preview", headers: () => ({ ...json, origin: "null" }), body: build, status: 403, error: FOREIGN_PAGE },
    { name: "a build from another port of this machine", method: "POST", url: () => "/api/builds", headers: () => ({ ...json, origin: `http://127.0.0.1:${Number(port()) + 1}` }), body: build, status: 403, error: FOREIGN_PAGE },
    { name: "a build from a name that only starts like ours", method: "POST", url: () => "/api/builds", headers: () => ({ ...json, origin: `http://localhost.evil.example:${port()}` }), body: build, status: 403, error: FOREIGN_PAGE },
    { name: "a build the browser calls cross-site (no Origin)", method: "POST", url: () => "/api/builds", headers: () => ({ ...json, "sec-fetch-site": "cross-site" }), body: build, status: 403, error: FOREIGN_PAGE },
    { name: "a build from a sibling site", method: "POST", url: () => "/api/builds", headers: () => ({ ...json, "sec-fetch-site": "same-site" }), body: build, status: 403, error: FOREIGN_PAGE },
    { name: "a pack read by another site's page", method: "GET", url: pack, headers: () => ({ origin: "http://evil.example" }), status: 403, error: FOREIGN_PAGE },
    { name: "a pack's file embedded by another site", method: "GET", url: () => `/api/builds/${built}/files/help-card.pdf`, headers: () => ({ "sec-fetch-site": "cross-site" }), status: 403, error: FOREIGN_PAGE },
    { name: "a build's events read by another site", method: "GET", url: () => `/api/builds/${built}/events`, headers: () => ({ origin: "http://evil.example" }), status: 403, error: FOREIGN_PAGE },
    { name: "DNS rebinding: the page under another name", method: "GET", url: () => "/", headers: () => ({ host: `evil.example:${port()}` }), status: 403, error: FOREIGN_HOST },
    { name: "DNS rebinding: a pack under another name", method: "GET", url: pack, headers: () => ({ host: `evil.example:${port()}` }), status: 403, error: FOREIGN_HOST },
    { name: "DNS rebinding: a build under another name, Origin to match", method: "POST", url: () => "/api/builds", headers: () => ({ ...json, host: `rebind.evil.example:${port()}`, origin: `http://rebind.evil.example:${port()}` }), body: build, status: 403, error: FOREIGN_HOST },
    { name: "Host of this machine at another port", method: "GET", url: () => "/api/info", headers: () => ({ host: `127.0.0.1:${Number(port()) + 1}` }), status: 403, error: FOREIGN_HOST },
    { name: "a Host that is no host name", method: "GET", url: () => "/api/info", headers: () => ({ host: "127.0.0.1:abc@evil" }), status: 403, error: FOREIGN_HOST },
  ];
  const accepted: GuardCase[] = [
    { name: "a build from the page at 127.0.0.1", method: "POST", url: () => "/api/builds", headers: () => ({ ...json, origin: `http://127.0.0.1:${port()}`, "sec-fetch-site": "same-origin" }), body: build, status: 202 },
    { name: "a build from the page at localhost", method: "POST", url: () => "/api/builds", headers: () => ({ ...json, host: `localhost:${port()}`, origin: `http://localhost:${port()}` }), body: build, status: 202 },
    { name: "the page at [::1]", method: "GET", url: () => "/", headers: () => ({ host: `[::1]:${port()}` }), status: 200 },
    { name: "a pack downloaded by following the page's link", method: "GET", url: pack, headers: () => ({ "sec-fetch-site": "same-origin" }), status: 200 },
    { name: "a pack fetched by a script (curl: no Origin)", method: "GET", url: pack, headers: () => ({}), status: 200 },
    { name: "the address typed into the browser", method: "GET", url: () => "/", headers: () => ({ "sec-fetch-site": "none" }), status: 200 },
  ];

  it.each([...refused, ...accepted])("$name: $status", async ({ method, url, headers, body, status, error }) => {
    const r = await raw(method, url(), headers(), body?.());
    expect(r.status, r.body.slice(0, 300)).toBe(status);
    if (error) expect(JSON.parse(r.body).error).toMatch(error);
    expect(r.headers["x-content-type-options"]).toBe("nosniff");
  });

  it("an upload refused for its origin is not checked at all, and the server keeps serving", async () => {
    const bomb = readFileSync(path.join(ROOT, "assets/default-logo.svg"));
    const r = await raw("POST", "/api/logo", { ...multipart("B"), origin: "http://evil.example" }, `${part("B", bomb.toString("latin1"))}\r\n--B--\r\n`);
    expect(r.status).toBe(403);
    await stillServing();
  });
});

describe("security headers on every answer", () => {
  it.each([
    ["the page", "GET", "/", 200, "text/html"],
    ["its script", "GET", "/app.js", 200, "javascript"],
    ["its stylesheet", "GET", "/style.css", 200, "text/css"],
    ["an API answer", "GET", "/api/info", 200, "json"],
    ["a 404", "GET", "/nowhere", 404, "json"],
    ["a 403", "POST", "/api/builds", 403, "json"],
    ["a streamed preview", "POST", "/api/preview", 200, "ndjson"],
  ] as const)("%s", async (_name, method, url, status, type) => {
    const headers = url === "/api/builds" ? { ...json, origin: "http://evil.example" } : method === "POST" ? json : {};
    const r = await raw(method, url, headers, method === "POST" ? JSON.stringify(small({ pages: ["cover"], dpi: 20 })) : undefined);
    expect(r.status).toBe(status);
    expect(r.headers["content-type"]).toMatch(type);
    expect(r.headers["x-content-type-options"]).toBe("nosniff");
    expect(r.headers["referrer-policy"]).toBe("no-referrer");
    expect(r.headers["x-frame-options"]).toBe("DENY");
    expect(r.headers["content-security-policy"]).toMatch(/frame-ancestors 'none'/);
    if (["/", "/app.js", "/style.css"].includes(url)) expect(r.headers["content-security-policy"]).toMatch(/script-src 'self'/);
    else expect(r.headers["content-security-policy"]).toMatch(/default-src 'none'/);
    if (url.startsWith("/api/")) expect(r.headers["cache-control"]).toBe("no-store");
  }, 60_000);

  it("packs and their files, and a build's events, are never cached", async () => {
    const id = (await (await post("/api/builds", small())).json()).id as string;
    const stream = await raw("GET", `/api/builds/${id}/events`);
    expect(stream.headers["cache-control"]).toBe("no-store");
    expect(stream.headers["x-content-type-options"]).toBe("nosniff");
    for (const url of [`/api/builds/${id}/zip`, `/api/builds/${id}/files/help-card.pdf`]) {
      const r = await raw("GET", url);
      expect(r.status, url).toBe(200);
      expect(r.headers["cache-control"], url).toBe("no-store");
      expect(r.headers["x-content-type-options"], url).toBe("nosniff");
      expect(r.headers["content-disposition"], url).toMatch(/^attachment/);
    }
  }, 120_000);
});

describe("malformed requests: 4xx in Danish, no stack trace in the server's log", () => {
  const cut = `${part("XX", "\x89PNG\r\n\x1a\n...")}`;
  it.each([
    { name: "a multipart body cut off in its file", headers: multipart("XX"), body: cut, status: 400, error: /kom ikke helt frem/ },
    { name: "a multipart body without its boundary parameter", headers: { "content-type": "multipart/form-data" }, body: cut, status: 400, error: /kom ikke helt frem/ },
    { name: "a multipart body whose boundary never comes", headers: multipart("YY"), body: `${cut}\r\n--XX--\r\n`, status: 400, error: /kom ikke helt frem|ingen fil/ },
    { name: "a multipart part without headers", headers: multipart("XX"), body: "--XX\r\n\r\n\r\n--XX--\r\n", status: 400, error: /kom ikke helt frem|ingen fil/ },
    { name: "a multipart body of one byte", headers: multipart("XX"), body: "-", status: 400, error: /kom ikke helt frem|ingen fil/ },
    { name: "a logo sent as plain text", headers: { "content-type": "text/plain" }, body: "logo", status: 415, error: /multipart|kan ikke læse den slags indhold/ },
    { name: "broken JSON", headers: json, body: '{"profile": {', status: 400, error: /ikke gyldig JSON/, url: "/api/builds" },
    { name: "JSON that is not an object", headers: json, body: "[1,2,3]", status: 400, error: /Profilen har fejl/, url: "/api/builds" },
    { name: "an empty JSON body", headers: json, body: "", status: 400, error: /tom|ikke gyldig/, url: "/api/builds" },
    { name: "a JSON body of 2 MB", headers: json, body: JSON.stringify({ x: "x".repeat(2 * 1024 * 1024) }), status: 413, error: /for stor/, url: "/api/builds" },
  ])("$name: $status", async ({ headers, body, status, error, url = "/api/logo" }) => {
    const { result: r, log } = await printed(() => raw("POST", url, headers, body));
    expect(r.status, r.body).toBe(status);
    expect(JSON.parse(r.body).error).toMatch(error);
    expect(r.body).not.toMatch(/\n\s+at |node_modules|Error:/);
    expect(log).not.toMatch(/\n\s+at |workshopkit serve:/);
    await stillServing();
  });
});

describe("logos under limits that cover everything inside them, on upload as in the CLI", () => {
  const svgOf = (body: string, size = 'width="400" height="100"') => new TextEncoder().encode(`<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" ${size}>${body}</svg>`);
  it("refuses an SVG embedding a 20 000 × 20 000 PNG (40 megapixels in all), and an SVG of width 1e9", async () => {
    const big = await sharp({ create: { width: 1, height: 1, channels: 3, background: "#fff" } }).png().toBuffer();
    // The header says 20 000 × 20 000: the IHDR's width and height, with its CRC made again.
    const header = Buffer.from(big);
    header.writeUInt32BE(20_000, 16);
    header.writeUInt32BE(20_000, 20);
    const { crc32 } = await import("node:zlib");
    header.writeUInt32BE(crc32(header.subarray(12, 29)), 29);
    const embedded = await upload(svgOf(`<image width="400" height="100" href="data:image/png;base64,${header.toString("base64")}"/>`), "logo.svg");
    expect(embedded.status).toBe(422);
    expect((await embedded.json()).problems[0].message).toMatch(/Billederne i SVG-logoet har tilsammen 400 megapixel eller mere; et logo må højst have 40 megapixel/); // in Danish, from the code
    const wide = await upload(svgOf("<rect/>", 'width="1e9" height="1e9"'), "logo.svg");
    expect(wide.status).toBe(422);
    expect((await wide.json()).problems[0].message).toMatch(/en tegneflade på 1000000000 × 1000000000 pixel; højst 100\.000 pixel på hver led/);
  });

  it("stops an SVG of heavy filters after 10 s and serves its page meanwhile", async () => {
    const filters = Array.from({ length: 30 }, (_, i) => `<filter id="f${i}" x="-50%" y="-50%" width="200%" height="200%"><feGaussianBlur stdDeviation="200"/><feMorphology operator="dilate" radius="100"/><feTurbulence baseFrequency="0.9" numOctaves="10"/></filter>`).join("");
    const layers = Array.from({ length: 30 }, (_, i) => `<g filter="url(#f${i})"><rect width="2000" height="2000" fill="red"/></g>`).join("");
    const started = Date.now();
    const slow = upload(svgOf(`<defs>${filters}</defs>${layers}`, 'width="2000" height="2000"'), "logo.svg");
    await new Promise((r) => setTimeout(r, 1000));
    const page = Date.now();
    expect((await fetch(`${base}/`)).status).toBe(200);
    expect(Date.now() - page).toBeLessThan(5000);
    const r = await slow;
    expect(r.status).toBe(422);
    expect((await r.json()).problems[0].message).toMatch(/Logoet tager mere end 10 sekunder at tegne/);
    expect(Date.now() - started).toBeLessThan(30_000);
    // The next logo gets a fresh decoder.
    const png = await sharp({ create: { width: 1200, height: 400, channels: 3, background: "#2a6f97" } }).png().toBuffer();
    expect((await upload(png)).status).toBe(200);
  }, 60_000);
});

/** The most the server's process may hold while 50 builds and uploads come at once (README, "Running it for others"). */
const RSS_CEILING_MB = 768;

describe("50 builds and uploads at once", () => {
  it(`stays below ${RSS_CEILING_MB} MB and keeps serving its page; every request is answered`, async () => {
    let peak = process.memoryUsage().rss;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
    const logos = await Promise.all(Array.from({ length: 25 }, (_, i) => sharp({ create: { width: 1600, height: 600, channels: 3, background: { r: 20 + i * 8, g: 80, b: 140 } } }).png().toBuffer()));
    try {
      const started = Date.now();
      const requests = Array.from({ length: 50 }, (_, i) => (i % 2 === 0 ? post("/api/builds", small()) : upload(logos[(i - 1) / 2]!)));
      const pages: number[] = [];
      for (let i = 0; i < 5; i++) {
        const t = Date.now();
        expect((await fetch(`${base}/`)).status).toBe(200);
        pages.push(Date.now() - t);
      }
      const answers = await Promise.all(requests);
      const builds = answers.filter((_, i) => i % 2 === 0);
      const uploads = answers.filter((_, i) => i % 2 === 1);
      // Accepted, or refused for now with a Danish message (the queue holds 20 builds, 8 uploads are checked at once).
      for (const r of builds) expect([202, 503], String(r.status)).toContain(r.status);
      for (const r of uploads) expect([200, 503], String(r.status)).toContain(r.status);
      for (const r of answers.filter((a) => a.status === 503)) expect((await r.json()).error).toMatch(/Prøv igen om et øjeblik/);
      const ids = await Promise.all(builds.filter((r) => r.status === 202).map(async (r) => (await r.json()).id as string));
      expect(ids.length).toBeGreaterThanOrEqual(20);
      expect(uploads.filter((r) => r.status === 200).length).toBeGreaterThanOrEqual(8);
      const ends = await Promise.all(ids.map(async (id) => (await events(id)).at(-1)!.event));
      expect(ends).toEqual(ids.map(() => "done"));
      expect(Math.max(...pages), "the page while 50 requests are handled").toBeLessThan(5000);
      expect(Date.now() - started).toBeLessThan(170_000);
    } finally {
      clearInterval(sampler);
    }
    console.log(`50 builds and uploads: peak RSS ${Math.round(peak / 2 ** 20)} MB`);
    expect(peak / 2 ** 20).toBeLessThan(RSS_CEILING_MB);
    await stillServing();
  }, 200_000);
});
