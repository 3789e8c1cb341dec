// The web server under hostile and careless requests: every one gets a clear 4xx (or is queued and
// built), nothing outside the server's temporary folder is read or written, and it keeps serving.
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import sharp from "sharp";
import { createServer } from "../src/serve/server.js";

const ROOT = path.resolve(import.meta.dirname, "..");
const parent = mkdtempSync(path.join(tmpdir(), "wk-serve-hostile-"));
// The build cache of this file's builds, its own (and watched: a preview must never write to it).
const cache = path.join(parent, "build-cache");
process.env.WORKSHOPKIT_CACHE = cache;
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
const serverFolder = () => path.join(parent, readdirSync(parent).find((n) => n.startsWith("workshopkit-serve-"))!);

beforeAll(async () => {
  app = await createServer({ tempParent: parent, warm: false });
  await app.listen({ host: "127.0.0.1", port: 0 });
  const address = app.server.address();
  base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
});
afterAll(async () => {
  await app?.close();
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
    // Every build's own folder is gone; only the server's (empty) temporary folder is left.
    expect(readdirSync(serverFolder()).filter((n) => n.startsWith("build-"))).toEqual([]);
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
