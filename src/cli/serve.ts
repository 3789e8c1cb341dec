// `workshopkit serve`: the web page for making a pack in the browser, on this machine by default.
import net from "node:net";
import { Command } from "commander";
import { z } from "zod";
import { WorkshopkitError } from "../errors.js";

const Options = z.object({
  host: z.string().trim().min(1),
  port: z
    .string()
    .regex(/^\d{1,5}$/, "expected a port number like 5173")
    .transform(Number)
    .refine((n) => n >= 1 && n <= 65535, "expected a port number from 1 to 65535"),
});

/** Whether nothing listens on host:port yet. */
function isFree(host: string, port: number): Promise<boolean> {
  return new Promise((done) => {
    const probe = net.createServer();
    probe.once("error", () => done(false));
    probe.listen({ host, port, exclusive: true }, () => probe.close(() => done(true)));
  });
}

/** The given port, or the next free one when it was not asked for explicitly. */
async function choosePort(host: string, port: number, explicit: boolean): Promise<number> {
  for (let p = port; p < port + 20 && p <= 65535; p++) {
    if (await isFree(host, p)) return p;
    if (explicit) throw WorkshopkitError.of("cli.portInUse", { port }, { file: "options", path: "port" });
  }
  throw WorkshopkitError.of("cli.noFreePort", { from: port, to: port + 19 }, { file: "options", path: "port" });
}

export function serveCommand(): Command {
  return new Command("serve")
    .description("start the web page for making a pack in the browser (on this machine only, unless --host)")
    .option("--port <n>", "port to listen on (default 5173, or the next free one)")
    .option("--host <address>", "address to listen on; 0.0.0.0 lets other machines in (see README: The web page)", "127.0.0.1")
    .option("--origin <url...>", "a further address the page is opened at, e.g. https://hr.example.dk behind a reverse proxy")
    .option("--results-dir <dir>", "the folder of the rounds databases, <company>.sqlite (default results/, as workshopkit results)")
    .action(async (raw: { port?: string; host: string; origin?: string[]; resultsDir?: string }) => {
      const parsed = Options.safeParse({ host: raw.host, port: raw.port ?? "5173" });
      if (!parsed.success) throw WorkshopkitError.of("cli.port", { detail: parsed.error.issues[0]!.message, given: String(raw.port) }, { file: "options", path: "port" });
      const { host, port } = parsed.data;
      const chosen = await choosePort(host, port, raw.port !== undefined);
      const { createServer } = await import("../serve/server.js"); // fastify and the pipeline: loaded here, not for --help
      const origins = (raw.origin ?? []).map((o) => {
        const url = URL.canParse(o) ? new URL(o) : undefined;
        if (!url || !/^https?:$/.test(url.protocol) || url.pathname !== "/" || url.search || url.username) throw WorkshopkitError.of("cli.origin", { given: o }, { file: "options", path: "origin" });
        return url.origin;
      });
      const app = await createServer({ host, origins, resultsDir: raw.resultsDir });
      await app.listen({ host, port: chosen });
      const shown = host.includes(":") ? `[${host}]` : host;
      console.log(`workshopkit: the page is at http://${shown}:${chosen}/  (Ctrl+C stops it)`);
      if (host !== "127.0.0.1" && host !== "localhost" && host !== "::1") {
        console.log("Listening beyond this machine: anyone who can reach this address can build packs. See README, “The web page”.");
      }
      // The server keeps the process alive; Ctrl+C (the CLI's signal handler) ends it.
    });
}
