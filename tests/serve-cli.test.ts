// `workshopkit serve` as a user starts it: it prints its address, serves the page on 127.0.0.1,
// takes the next port when the default one is busy, and Ctrl+C stops it; it writes no temporary files.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readdirSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT } from "./support/build.js";

const started: ChildProcess[] = [];
afterAll(() => {
  for (const child of started) if (child.exitCode === null) child.kill("SIGKILL");
});

/** A port nothing listens on, held open by `hold` when asked (to see the server move to the next). */
async function freePort(hold = false): Promise<{ port: number; release: () => void }> {
  const server = net.createServer();
  await new Promise<void>((done) => server.listen({ host: "127.0.0.1", port: 0 }, done));
  const port = (server.address() as net.AddressInfo).port;
  if (!hold) await new Promise((done) => server.close(done));
  return { port, release: () => server.close() };
}

function serve(args: string[], tmp: string): { child: ChildProcess; address: Promise<string>; exited: Promise<number | null> } {
  const child = spawn(process.execPath, [path.join(ROOT, "bin/workshopkit.js"), "serve", ...args], { cwd: ROOT, env: { ...process.env, TMPDIR: tmp }, stdio: ["ignore", "pipe", "pipe"] });
  started.push(child);
  let out = "";
  const address = new Promise<string>((done, fail) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const m = /the page is at (http:\/\/\S+)/.exec(out);
      if (m) done(m[1]!);
    });
    child.once("exit", (code) => fail(new Error(`serve exited (${code}) before printing its address: ${out}`)));
  });
  address.catch(() => undefined); // awaited only where the server is meant to start
  const exited = new Promise<number | null>((done) => child.once("exit", (code, signal) => done(code ?? (signal ? 128 : null))));
  return { child, address, exited };
}

describe("workshopkit serve", () => {
  it("serves the page on 127.0.0.1 without writing a temporary file, and Ctrl+C stops it", async () => {
    const tmp = mkdtempSync(path.join(tmpdir(), "wk-serve-cli-"));
    const { port } = await freePort();
    const run = serve(["--port", String(port)], tmp);
    const address = await run.address;
    expect(address).toBe(`http://127.0.0.1:${port}/`);
    const page = await fetch(address);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<html lang="da">');
    // Uploads, previews and builds are made in memory (tsx's own compile cache, where dist/ is older than the source, aside).
    const written = () => readdirSync(tmp).filter((n) => !/^tsx-\d+$/.test(n));
    expect(written()).toEqual([]);
    run.child.kill("SIGINT");
    expect(await run.exited).toBe(130);
    expect(written()).toEqual([]);
    await expect(fetch(address)).rejects.toThrow();
  }, 60_000);

  it("takes the next free port when 5173 is busy; refuses a bad or busy --port", async () => {
    const tmp = mkdtempSync(path.join(tmpdir(), "wk-serve-cli-"));
    // Hold 5173 (if something else holds it already, it is just as busy).
    const holder = net.createServer();
    await new Promise<void>((done) => holder.once("error", () => done()).listen({ host: "127.0.0.1", port: 5173 }, done));
    const busy = await freePort(true);
    try {
      const next = serve([], tmp);
      const port = Number(/:(\d+)\/$/.exec(await next.address)![1]);
      expect(port).toBeGreaterThan(5173);
      expect(port).toBeLessThan(5193);
      next.child.kill("SIGINT");
      expect(await next.exited).toBe(130);
      const run = serve(["--port", "nonsense"], tmp);
      expect(await run.exited).toBe(1);
      const taken = serve(["--port", String(busy.port)], tmp);
      expect(await taken.exited).toBe(1);
    } finally {
      busy.release();
      holder.close();
    }
  }, 60_000);
});
