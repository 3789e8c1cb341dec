// The example company's reader of scoring sheets, as the results tests use it: the reader's context
// (the sheet rendered from the profile), its A4 layout, and a folder of their own for the files read.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { CONTENT_DIR } from "../../src/pipeline.js";
import { loadProfile } from "../../src/load/loadProfile.js";
import { readerContext, type ReaderContext, type SheetLayout } from "../../src/results/sheetLayout.js";
import { loadScans } from "../../src/results/loadScans.js";
import { recognise, type PageReading } from "../../src/results/recognise.js";
import { EXAMPLE_PROFILE, tempDir } from "./build.js";

export interface ExampleReader {
  ctx: ReaderContext;
  a4: SheetLayout;
  dir: string;
  /** Each file written to `dir` as a user's would be, then every page of them loaded and recognised. */
  read(files: { name: string; bytes: Uint8Array }[]): Promise<PageReading[]>;
}

export async function exampleReader(prefix: string): Promise<ExampleReader> {
  const ctx = await readerContext(CONTENT_DIR, await loadProfile(EXAMPLE_PROFILE));
  const dir = tempDir(prefix);
  let n = 0;
  return {
    ctx,
    a4: await ctx.layout("A4"),
    dir,
    async read(files) {
      const paths = files.map((f) => {
        const file = path.join(dir, `${n++}-${f.name}`);
        writeFileSync(file, f.bytes);
        return file;
      });
      const out: PageReading[] = [];
      for await (const page of loadScans(paths, ctx.statementOf)) out.push(await recognise(page, ctx));
      return out;
    },
  };
}
