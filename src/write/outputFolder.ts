// Where a build will write, decided before anything is rendered: the output folder must be usable,
// a pack made for another company is never replaced, and a partial build (--only) never replaces
// materials it does not build.
import { createHash } from "node:crypto";
import { constants } from "node:fs";
import { access, readdir, readlink, stat } from "node:fs/promises";
import path from "node:path";
import { readBounded } from "../load/readBounded.js";
import { escapeControl, warning, WorkshopkitError, type Warning } from "../errors.js";
import { slug } from "../slug.js";
import { removeStaleTempFolders } from "./tempFolders.js";

export interface OutputRequest {
  /** `--out`: the folder that receives the company's folder. */
  out: string;
  company: string;
  /** The profile's `folder:`, if it gives one. */
  folder?: string;
  /** The materials this build makes, when it is a partial build (--only). */
  only?: string[];
}

export interface OutputFolder {
  dir: string;
  warnings: Warning[];
}

const OUT = { file: "options", path: "out" };
const shown = (p: string) => escapeControl(path.relative(process.cwd(), p) || p);

/** The nearest part of `dir` that exists must be a folder we may write in. */
async function checkWritable(dir: string, label: string): Promise<void> {
  let at = path.resolve(dir);
  for (;;) {
    const info = await stat(at).catch((err: NodeJS.ErrnoException) => (err.code === "ENOENT" || err.code === "ENOTDIR" ? undefined : Promise.reject(err)));
    if (info) {
      if (!info.isDirectory()) throw WorkshopkitError.of("out.isFile", { out: label, at: shown(at) }, OUT);
      try {
        await access(at, constants.W_OK | constants.X_OK);
      } catch {
        throw WorkshopkitError.of("out.noPermission", { out: label, at: shown(at) }, OUT);
      }
      return;
    }
    const link = await readlink(at).catch(() => undefined);
    if (link !== undefined) throw WorkshopkitError.of("out.brokenLink", { out: label, at: shown(at), link: escapeControl(link) }, OUT);
    const up = path.dirname(at);
    if (up === at) return;
    at = up;
  }
}

interface Manifest {
  company?: unknown;
  files?: { file?: unknown }[];
}

/** What a folder holds: nothing, a pack (its manifest), or something that is not a pack. */
async function existing(dir: string): Promise<{ kind: "none" } | { kind: "pack"; manifest: Manifest } | { kind: "other"; why: "file" | "files" }> {
  const info = await stat(dir).catch(() => undefined);
  if (!info) return { kind: "none" };
  if (!info.isDirectory()) return { kind: "other", why: "file" };
  const names = await readdir(dir);
  if (names.length === 0) return { kind: "none" };
  try {
    // Through the shared reader: a FIFO or a device planted as manifest.json is refused, not read for ever.
    const manifest = JSON.parse((await readBounded(path.join(dir, "manifest.json"), 16 * 2 ** 20)).toString("utf8")) as Manifest;
    if (typeof manifest.company === "string") return { kind: "pack", manifest };
  } catch {
    // no manifest, or not ours
  }
  return { kind: "other", why: "files" };
}

function refuseForeign(dir: string, request: OutputRequest, why: "file" | "files", otherCompany?: string): never {
  const free = `${path.basename(dir)}-2`;
  throw otherCompany
    ? WorkshopkitError.of("out.otherCompany", { dir: shown(dir), other: escapeControl(otherCompany), company: escapeControl(request.company), free }, { file: "options", path: "folder" })
    : WorkshopkitError.of("out.notAPack", { dir: shown(dir), why, free }, { file: "options", path: "folder" });
}

/**
 * Refuses to replace `dir` unless it is empty or holds a pack of `company`. Checked again right before
 * the swap: a build running beside this one (a batch, say) may have written there since the pre-flight.
 */
export async function checkReplaceable(dir: string, company: string): Promise<void> {
  const found = await existing(dir);
  const request = { out: path.dirname(dir), company };
  if (found.kind === "other") refuseForeign(dir, request, found.why);
  if (found.kind === "pack" && found.manifest.company !== company) refuseForeign(dir, request, "files", String(found.manifest.company));
}

/** The material PDFs of a pack's manifest (not the complete pack). */
const materialFiles = (m: Manifest) =>
  (m.files ?? []).map((f) => f.file).filter((f): f is string => typeof f === "string" && f.endsWith(".pdf") && !f.endsWith("-pakke.pdf"));

/** The folder of a partial build beside the full pack: `nordlys-aps-only-v01+policy`. */
function partialName(base: string, only: string[]): string {
  const name = `${base}-only-${only.join("+")}`;
  if (name.length <= 120) return name;
  return `${base}-only-${only.length}-materials-${createHash("sha256").update(only.join("\n")).digest("hex").slice(0, 8)}`;
}

/** A pack's folder: the profile's `folder:`, else the company's name as a slug ("nordlys-aps"). */
export const packFolderName = (profile: { company: string; folder?: string }) => profile.folder ?? slug(profile.company);

/** `only`: the ids of the materials a partial build makes; undefined for a full build. */
export async function chooseOutputFolder(out: string, profile: { company: string; folder?: string }, only?: string[]): Promise<OutputFolder> {
  const request: OutputRequest = { out, company: profile.company, folder: profile.folder, only };
  if (request.out.trim() === "") throw WorkshopkitError.of("out.empty", {}, OUT);
  await checkWritable(request.out, escapeControl(request.out));
  const base = packFolderName(profile);
  const target = path.join(request.out, base);
  await removeStaleTempFolders(target);
  const found = await existing(target);
  if (found.kind === "other") refuseForeign(target, request, found.why);
  if (found.kind === "pack" && found.manifest.company !== request.company) refuseForeign(target, request, "files", String(found.manifest.company));

  if (!only?.length || found.kind !== "pack") return { dir: target, warnings: [] };
  const building = new Set(only.map((id) => `${id}.pdf`));
  const others = materialFiles(found.manifest).filter((f) => !building.has(f));
  if (others.length === 0) return { dir: target, warnings: [] };

  // The folder holds other materials (the full pack, say): they stay as they are, and this build goes beside them.
  const beside = path.join(request.out, partialName(base, only));
  await checkReplaceable(beside, request.company);
  return {
    dir: beside,
    warnings: [warning("out.besideFullPack", { target: shown(target), count: others.length, some: `${others.slice(0, 3).join(", ")}${others.length > 3 ? ", …" : ""}`, beside: shown(beside) })],
  };
}
