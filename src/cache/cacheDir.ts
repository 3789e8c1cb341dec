// Where the build cache lives: --cache-dir, else WORKSHOPKIT_CACHE, else node_modules/.cache/workshopkit
// of the installed package (the find-cache-dir convention), else the user's cache folder.
import { existsSync, statSync } from "node:fs";
import { homedir } from "node:os";
import path from "node:path";
import { WorkshopkitError } from "../errors.js";
import { DiskCache } from "./diskCache.js";

/** The cache's size limit when WORKSHOPKIT_CACHE_MAX_MB is not set, and the largest it may be set to (1 TB). */
const DEFAULT_MAX_MB = 1024;
const LARGEST_MAX_MB = 1024 * 1024;

const PACKAGE_ROOT = path.resolve(import.meta.dirname, "../..");

function userCacheDir(): string {
  if (process.platform === "win32") return path.join(process.env.LOCALAPPDATA ?? path.join(homedir(), "AppData", "Local"), "workshopkit", "Cache");
  if (process.platform === "darwin") return path.join(homedir(), "Library", "Caches", "workshopkit");
  return path.join(process.env.XDG_CACHE_HOME || path.join(homedir(), ".cache"), "workshopkit");
}

/**
 * The cache folder; `false` when caching is off (`WORKSHOPKIT_CACHE=off`). A folder asked for that
 * cannot be one (a file, or under a file) is an error: the cache is never turned off silently.
 */
export function cacheDir(override?: string): string | false {
  const chosen = override ?? process.env.WORKSHOPKIT_CACHE;
  if (chosen === "off" || chosen === "0" || chosen === "false") return false;
  if (override === "") throw new WorkshopkitError("--cache-dir is empty.", "Give the cache folder, or leave --cache-dir out (WORKSHOPKIT_CACHE=off turns the cache off).");
  if (chosen) return checkedFolder(path.resolve(chosen), override !== undefined ? "--cache-dir" : "WORKSHOPKIT_CACHE");
  const modules = path.join(PACKAGE_ROOT, "node_modules");
  return existsSync(modules) ? path.join(modules, ".cache", "workshopkit") : userCacheDir();
}

/** `dir` if it is a folder or can be made one: the nearest part of it that exists must be a folder. */
function checkedFolder(dir: string, given: string): string {
  for (let at = dir; ; at = path.dirname(at)) {
    let info;
    try {
      info = statSync(at, { throwIfNoEntry: false });
    } catch {
      continue; // ENOTDIR: a part of the path above is a file, found further up
    }
    if (info?.isDirectory()) return dir;
    if (info) {
      const what = at === dir ? "is a file, not a folder" : `is under ${at}, which is a file, not a folder`;
      throw new WorkshopkitError(`${given} ${dir} ${what}, so nothing can be cached there.`, `Give a folder for the cache (it is made if missing), or WORKSHOPKIT_CACHE=off to build without a cache.`);
    }
    if (path.dirname(at) === at) return dir;
  }
}

/** The cache's size limit in bytes, from WORKSHOPKIT_CACHE_MAX_MB (a whole number of megabytes). */
export function cacheLimit(value = process.env.WORKSHOPKIT_CACHE_MAX_MB): number {
  if (value === undefined || value.trim() === "") return DEFAULT_MAX_MB * 2 ** 20;
  const mb = /^\s*\d{1,7}\s*$/.test(value) ? Number(value) : NaN;
  if (!(mb >= 1 && mb <= LARGEST_MAX_MB)) {
    const shown = JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
    throw new WorkshopkitError(
      `WORKSHOPKIT_CACHE_MAX_MB=${shown} is not a cache size: it must be a whole number of megabytes from 1 to ${LARGEST_MAX_MB} (the default is ${DEFAULT_MAX_MB}).`,
      "Set it to a number like 2048, or unset it; WORKSHOPKIT_CACHE=off builds without a cache.",
    );
  }
  return mb * 2 ** 20;
}

/** The build cache at `cacheDir(override)`, or undefined when caching is off. */
export function openCache(override?: string | false): DiskCache | undefined {
  const dir = override === false ? false : cacheDir(override);
  return dir === false ? undefined : new DiskCache(dir, cacheLimit());
}
