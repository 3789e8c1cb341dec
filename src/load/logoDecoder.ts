// Logos are decoded one at a time in a process of their own (logoProcess.ts), under a time limit:
// past it the process is killed (librsvg cannot be interrupted, and a worker thread cannot stop the
// native work it started) and the next logo gets a fresh one. The process stays for the next logo
// while this one lives (the server's uploads), without keeping it alive.
import { fork, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import PQueue from "p-queue";
import { LogoRefusal, type DecodedLogo } from "./logoRefusal.js";
import type { LogoAnswer, LogoJob } from "./logoProcess.js";

/** The longest a logo may take to decode and draw, in seconds. */
export const LOGO_SECONDS = 10;
/** How long the process may take to start (loading sharp; tsx compiling on a busy machine). */
const START_SECONDS = 60;

/** Compiled (dist/), the process is dist/logo-process.js; from the TypeScript, a module that loads tsx first. */
function processFile(): string {
  const here = import.meta.filename;
  const file = here.endsWith(".ts") ? path.join(path.dirname(here), "logoProcess-tsx.mjs") : path.join(path.dirname(here), "logo-process.js");
  if (!existsSync(file)) throw new Error(`workshopkit: the logo decoder ${file} is missing (run npm run compile)`);
  return file;
}

interface Running {
  child: ChildProcess;
  ready: Promise<void>;
  /** The last of what it printed (libvips and GLib warnings): told only if it dies. */
  stderr: string;
}

let running: Running | undefined;
let nextId = 0;
/** One logo at a time: on two cores the other one keeps serving and building. */
const queue = new PQueue({ concurrency: 1 });

function start(): Running {
  const child = fork(processFile(), [], { execArgv: [], serialization: "advanced", stdio: ["ignore", "ignore", "pipe", "ipc"] });
  const proc: Running = { child, stderr: "", ready: Promise.resolve() };
  child.stderr!.on("data", (d: Buffer) => (proc.stderr = (proc.stderr + d.toString("utf8")).slice(-2000)));
  (child.stderr as unknown as { unref(): void }).unref(); // what it prints never keeps this process alive
  proc.ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`workshopkit: the logo decoder did not start within ${START_SECONDS} s`)), START_SECONDS * 1000);
    child.once("message", () => (clearTimeout(timer), resolve()));
    child.once("exit", (code, signal) => (clearTimeout(timer), reject(new Error(`workshopkit: the logo decoder stopped on start (${signal ?? `exit code ${code}`}): ${proc.stderr.trim()}`))));
  });
  proc.ready.catch(() => undefined);
  child.on("exit", () => {
    if (running === proc) running = undefined;
  });
  return proc;
}

function idle(proc: Running, busy: boolean) {
  const channel = proc.child.channel as { ref?(): void; unref?(): void } | undefined;
  if (busy) (proc.child.ref(), channel?.ref?.());
  else (proc.child.unref(), channel?.unref?.());
}

/**
 * Starts the decoding process now, without waiting for it (and without keeping this process alive):
 * it loads sharp on the other core while the build loads its own modules, so the logo's turn comes
 * sooner. The first logo asked for uses it.
 */
export function startLogoDecoder(): void {
  if (running) return;
  running = start();
  idle(running, false);
}

/** The logo decoded, or a LogoRefusal saying which limit it passed or why it is no image. */
export function decodeLogoLimited(bytes: Uint8Array, seconds = LOGO_SECONDS): Promise<DecodedLogo> {
  return queue.add(async () => {
    const proc = (running ??= start());
    idle(proc, true);
    try {
      await proc.ready;
      return await ask(proc, bytes, seconds);
    } finally {
      if (running === proc) idle(proc, false);
    }
  }) as Promise<DecodedLogo>;
}

function ask(proc: Running, bytes: Uint8Array, seconds: number): Promise<DecodedLogo> {
  const id = nextId++;
  return new Promise<DecodedLogo>((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      proc.child.off("message", onMessage);
      proc.child.off("exit", onExit);
    };
    const timer = setTimeout(() => {
      done();
      if (running === proc) running = undefined;
      proc.child.kill("SIGKILL");
      reject(LogoRefusal.of("logo.tooSlow", { seconds }));
    }, seconds * 1000);
    const onMessage = (answer: LogoAnswer) => {
      if (answer.id !== id) return;
      done();
      if ("logo" in answer) resolve({ ...answer.logo, png: Buffer.from(answer.logo.png.buffer, answer.logo.png.byteOffset, answer.logo.png.byteLength) });
      else if ("refusal" in answer) reject(new LogoRefusal(answer.refusal));
      else reject(new Error(answer.error));
    };
    const onExit = (code: number | null, signal: string | null) => {
      done();
      // Killed from outside, or out of memory: the logo did it, or at least cannot be drawn here.
      reject(LogoRefusal.of("logo.decoderStopped", { detail: signal ?? `exit code ${code}` }));
    };
    proc.child.on("message", onMessage);
    proc.child.once("exit", onExit);
    proc.child.send({ id, bytes } satisfies LogoJob);
  });
}
