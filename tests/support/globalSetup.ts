// Before any test: the Debian tools the tests read output with are checked once (all that are missing
// named in one message, with the line that installs them); the run's build cache is made
// (tests/support/runCache.ts); and a folder is made where the example company's whole pack is built
// once for the run, by the first test that asks (tests/support/examplePack.ts).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startRunCache } from "./runCache.js";

const ROOT = path.resolve(import.meta.dirname, "../..");

/**
 * What each of .ci/run's Debian packages gives the tests, checked by running every program the tests
 * call from it (a package half there, or a program not on PATH, is missing too; dpkg is not on every machine).
 */
const PROBES: Record<string, [string, string[]][]> = {
  "poppler-utils": ["pdftotext", "pdftoppm", "pdffonts", "pdfinfo", "pdfimages"].map((p) => [p, ["-v"]]),
  qpdf: [["qpdf", ["--version"]]],
  "python3-pypdf": [["/usr/bin/python3", ["-c", "import pypdf"]]],
  "python3-gi": [["/usr/bin/python3", ["-c", "import gi"]]],
  "gir1.2-poppler-0.18": [["/usr/bin/python3", ["-c", "import gi; gi.require_version('Poppler', '0.18'); from gi.repository import Poppler"]]],
  "mupdf-tools": [["mutool", ["-v"]]],
  ghostscript: [["gs", ["--version"]]],
  chromium: [["/usr/bin/chromium", ["--version"]]],
  "libreoffice-writer-nogui": [["soffice", ["--version"]]],
  "python3-docx": [["/usr/bin/python3", ["-c", "import docx"]]],
};

/** The Debian packages .ci/run installs (its `packages=(…)`): the one list, so the two never drift apart. */
function ciPackages(): string[] {
  const run = readFileSync(path.join(ROOT, ".ci/run"), "utf8");
  const list = /^packages=\(([^)]*)\)/m.exec(run)?.[1];
  if (!list) throw new Error(".ci/run has no packages=(…) line: tests/support/globalSetup.ts reads the Debian packages from it.");
  return list.split(/\s+/).filter(Boolean);
}

const installed = (pkg: string, env: NodeJS.ProcessEnv): boolean => {
  const probes = PROBES[pkg];
  if (probes) return probes.every(([cmd, args]) => spawnSync(cmd, args, { stdio: "ignore", timeout: 60_000, env }).status === 0);
  return spawnSync("dpkg-query", ["-W", "-f=${Status}", pkg], { encoding: "utf8", env }).stdout?.includes("install ok installed") ?? false;
};

/** The packages of `packages` (default: .ci/run's) that are not all there, as found on `env`'s PATH. */
export function missingTools(packages = ciPackages(), env: NodeJS.ProcessEnv = process.env): string[] {
  return packages.filter((p) => !installed(p, env));
}

declare module "vitest" {
  export interface ProvidedContext {
    /** The folder where the example company's whole pack is built once for the run (tests/support/examplePack.ts). */
    examplePack: string;
  }
}

/** What a newcomer is told when packages are missing: every one, and the line that installs them. */
export function missingMessage(missing: string[]): string {
  return (
    `The tests read the PDFs back with Debian tools that are not installed here: ${missing.join(", ")}.\n` +
    `Install them with:\n  sudo apt-get install -y ${missing.join(" ")}\n(.ci/run installs them in CI.)`
  );
}

export default async function setup(project: TestProject): Promise<() => void> {
  const missing = missingTools();
  if (missing.length > 0) {
    const err = new Error(missingMessage(missing));
    err.stack = err.message; // the message alone: a newcomer's next step, not where in the setup it was found
    throw err;
  }
  const cache = startRunCache();
  const dir = mkdtempSync(path.join(tmpdir(), "wk-example-pack-"));
  project.provide("examplePack", dir);
  return () => {
    rmSync(dir, { recursive: true, force: true });
    cache.stop();
  };
}
