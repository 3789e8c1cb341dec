// Test helpers: build packs in temporary folders, run the CLI as a user would, read PDFs back.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { build, type BuildOptions, type BuildResult } from "../../src/pipeline.js";

export const ROOT = path.resolve(import.meta.dirname, "../..");
export const EXAMPLE_PROFILE = path.join(ROOT, "content/example-company.yaml");

export function tempDir(prefix = "wk-"): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/** Builds a pack in-process into a fresh temporary folder. */
export async function buildPack(options: Partial<BuildOptions> = {}): Promise<BuildResult> {
  return build({ profile: EXAMPLE_PROFILE, out: tempDir(), ...options });
}

export function readPdf(result: BuildResult, id: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(result.dir, `${id}.pdf`)));
}

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `workshopkit …` through its bin, in `cwd`, with no terminal: as CI and a user's script would. */
export function runCli(args: string[], cwd = ROOT, env: NodeJS.ProcessEnv = {}): CliRun {
  const r = spawnSync(process.execPath, [path.join(ROOT, "bin/workshopkit.js"), ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, ...env },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Text of a PDF via poppler's pdftotext (installed by .ci/run). */
export function pdfText(file: string, layout = false): string {
  const r = spawnSync("pdftotext", [...(layout ? ["-layout"] : []), "-enc", "UTF-8", file, "-"], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`pdftotext failed on ${file}: ${r.stderr}`);
  return r.stdout;
}
