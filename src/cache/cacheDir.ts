// Where the build cache lives: --cache-dir, else WORKSHOPKIT_CACHE, else node_modules/.cache/workshopkit
// of the installed package (the find-cache-dir convention), else the user's cache folder.
import { existsSync } from "node:fs";
import { homedir } from "node:os";
import path from "node:path";
import { DiskCache } from "./diskCache.js";

const PACKAGE_ROOT = path.resolve(import.meta.dirname, "../..");

function userCacheDir(): string {
  if (process.platform === "win32") return path.join(process.env.LOCALAPPDATA ?? path.join(homedir(), "AppData", "Local"), "workshopkit", "Cache");
  if (process.platform === "darwin") return path.join(homedir(), "Library", "Caches", "workshopkit");
  return path.join(process.env.XDG_CACHE_HOME || path.join(homedir(), ".cache"), "workshopkit");
}

/** The cache folder; `false` when caching is off (`WORKSHOPKIT_CACHE=off`). */
export function cacheDir(override?: string): string | false {
  const chosen = override ?? process.env.WORKSHOPKIT_CACHE;
  if (chosen === "off" || chosen === "0" || chosen === "false") return false;
  if (chosen) return path.resolve(chosen);
  const modules = path.join(PACKAGE_ROOT, "node_modules");
  return existsSync(modules) ? path.join(modules, ".cache", "workshopkit") : userCacheDir();
}

/** The build cache at `cacheDir(override)`, or undefined when caching is off. */
export function openCache(override?: string | false): DiskCache | undefined {
  const dir = override === false ? false : cacheDir(override);
  return dir === false ? undefined : new DiskCache(dir);
}
