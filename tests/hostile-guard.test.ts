// The server's guard alone (src/serve/guard.ts) on a bare Fastify instance, for the addresses it may be
// told to serve: the --host given, a wildcard, a reverse proxy's --origin. One row per request.
import { request as httpRequest } from "node:http";
import Fastify, { type FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { guardPlugin, type GuardOptions } from "../src/serve/guard.js";

async function serve(options: Partial<GuardOptions>): Promise<{ app: FastifyInstance; port: number }> {
  const app = Fastify();
  await app.register(guardPlugin, { maxUploadBytes: 1024, fault: (err) => { throw err; }, ...options });
  app.get("/api/info", async () => ({ ok: true }));
  app.post("/api/builds", async () => ({ ok: true }));
  app.get("/boom", async () => {
    throw new Error("a fault of our own");
  });
  await app.listen({ host: "127.0.0.1", port: 0 });
  const address = app.server.address();
  return { app, port: typeof address === "object" && address ? address.port : 0 };
}

function ask(port: number, method: string, url: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((done, fail) => {
    const r = httpRequest({ host: "127.0.0.1", port, method, path: url, headers }, (res) => {
      let body = "";
      res.on("data", (d: Buffer) => (body += d));
      res.on("end", () => done({ status: res.statusCode!, body }));
    });
    r.on("error", fail);
    r.end(method === "POST" ? "{}" : undefined);
  });
}

const servers: Record<string, { app: FastifyInstance; port: number }> = {};
beforeAll(async () => {
  servers.loopback = await serve({});
  servers.named = await serve({ host: "workshop.lan" });
  servers.wildcard = await serve({ host: "0.0.0.0" });
  servers.proxied = await serve({ origins: ["https://hr.example.dk"] });
});
afterAll(async () => {
  for (const s of Object.values(servers)) await s.app.close();
});

interface Row {
  server: keyof typeof servers | string;
  method: "GET" | "POST";
  host: (port: number) => string;
  origin?: (port: number) => string;
  status: number;
}
const rows: (Row & { name: string })[] = [
  { name: "loopback: 127.0.0.1 with its port", server: "loopback", method: "POST", host: (p) => `127.0.0.1:${p}`, origin: (p) => `http://127.0.0.1:${p}`, status: 200 },
  { name: "loopback: LOCALHOST in capitals", server: "loopback", method: "GET", host: (p) => `LOCALHOST:${p}`, status: 200 },
  { name: "loopback: a Host without its port (80)", server: "loopback", method: "GET", host: () => "127.0.0.1", status: 403 },
  { name: "loopback: another machine's name", server: "loopback", method: "GET", host: (p) => `workshop.lan:${p}`, status: 403 },
  { name: "named: the --host given", server: "named", method: "POST", host: (p) => `workshop.lan:${p}`, origin: (p) => `http://workshop.lan:${p}`, status: 200 },
  { name: "named: its Origin over https at another port", server: "named", method: "POST", host: (p) => `workshop.lan:${p}`, origin: () => "https://workshop.lan", status: 403 },
  { name: "named: a name that ends like it", server: "named", method: "GET", host: (p) => `evilworkshop.lan:${p}`, status: 403 },
  { name: "wildcard: the address the connection came to", server: "wildcard", method: "POST", host: (p) => `127.0.0.1:${p}`, origin: (p) => `http://127.0.0.1:${p}`, status: 200 },
  { name: "wildcard: any name is still refused", server: "wildcard", method: "GET", host: (p) => `rebind.example:${p}`, status: 403 },
  { name: "wildcard: another address of no connection", server: "wildcard", method: "GET", host: (p) => `10.1.2.3:${p}`, status: 403 },
  { name: "proxied: the proxy's public address", server: "proxied", method: "POST", host: () => "hr.example.dk", origin: () => "https://hr.example.dk", status: 200 },
  { name: "proxied: the proxy's address with the page's Origin", server: "proxied", method: "POST", host: (p) => `127.0.0.1:${p}`, origin: () => "https://hr.example.dk", status: 200 },
  { name: "proxied: a page of another site behind it", server: "proxied", method: "POST", host: () => "hr.example.dk", origin: () => "https://evil.example", status: 403 },
];

describe("the guard", () => {
  it.each(rows)("$name: $status", async ({ server, method, host, origin, status }) => {
    const { port } = servers[server]!;
    const headers: Record<string, string> = { host: host(port), ...(origin ? { origin: origin(port) } : {}), ...(method === "POST" ? { "content-type": "application/json" } : {}) };
    const r = await ask(port, method, method === "POST" ? "/api/builds" : "/api/info", headers);
    expect(r.status, r.body).toBe(status);
    if (status === 403) expect(JSON.parse(r.body).error).toMatch(/^(Forespørgslen kommer ikke fra workshopkits egen side|Serveren svarer kun på sin egen adresse)/);
  });

  it("a fault of its own is a Danish 500 without its stack, told to the fault handler only", async () => {
    const faults: unknown[] = [];
    const { app, port } = await serve({ fault: (err) => faults.push(err) });
    const r = await ask(port, "GET", "/boom", { host: `127.0.0.1:${port}` });
    await app.close();
    expect(r.status).toBe(500);
    expect(r.body).toMatch(/Der skete en fejl i workshopkit/);
    expect(r.body).not.toMatch(/a fault of our own|\n\s+at /);
    expect(faults).toHaveLength(1);
  });
});
