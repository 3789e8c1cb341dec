// `workshopkit cache`: where the cache of finished materials is, and clearing it.
import { Command } from "commander";
import { cacheDir, openCache } from "../cache/cacheDir.js";

const where = (dir: string | undefined) => {
  const chosen = cacheDir(dir);
  return chosen === false ? "The cache is off (WORKSHOPKIT_CACHE=off)." : chosen;
};

export function cacheCommand(): Command {
  const cache = new Command("cache").description("the cache of finished materials, which makes a second build fast");
  cache
    .command("dir")
    .description("print where the cache is (set WORKSHOPKIT_CACHE or --cache-dir to move it)")
    .option("--cache-dir <dir>", "the cache folder")
    .action((opts: { cacheDir?: string }) => console.log(where(opts.cacheDir)));
  cache
    .command("clear")
    .description("remove every cached material (the next build renders everything again)")
    .option("--cache-dir <dir>", "the cache folder")
    .action(async (opts: { cacheDir?: string }) => {
      const store = openCache(opts.cacheDir);
      if (!store) return console.log(where(opts.cacheDir));
      await store.clear();
      console.log(`Cleared the cache in ${store.root}.`);
    });
  return cache;
}
