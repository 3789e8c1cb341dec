// The example company's whole pack, built once per test run and shared by the test files that read it
// (content, pack, design): the first to ask builds it, in the folder the global setup made; the others wait
// for it. Read only: a test that changes a file works on its own copy.
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { inject } from "vitest";
import { build, type BuildResult } from "../../src/pipeline.js";
import { EXAMPLE_PROFILE } from "./build.js";

export async function examplePack(): Promise<BuildResult> {
  const root = inject("examplePack");
  const done = path.join(root, "result.json");
  const failed = path.join(root, "failed");
  let mine = false;
  try {
    writeFileSync(path.join(root, "building"), String(process.pid), { flag: "wx" });
    mine = true;
  } catch {
    // another test file is building it
  }
  if (mine) {
    try {
      // With the run's cache (tests/support/runCache.ts): what it renders, other builds of the run take from there.
      const result = await build({ profile: EXAMPLE_PROFILE, out: path.join(root, "out") });
      writeFileSync(`${done}.part`, JSON.stringify(result));
      renameSync(`${done}.part`, done);
    } catch (err) {
      writeFileSync(failed, String((err as Error).stack ?? err));
      throw err;
    }
  }
  while (!existsSync(done)) {
    if (existsSync(failed)) throw new Error(`the shared example pack could not be built:\n${readFileSync(failed, "utf8")}`);
    await sleep(250);
  }
  return JSON.parse(readFileSync(done, "utf8")) as BuildResult;
}
