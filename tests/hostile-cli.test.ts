// Hostile files through the real CLI (issue #23): devices, FIFOs and files over their byte limit as a
// profile, a logo or a scan; logos whose embedded images, canvas or filters pass a limit; PDFs that
// inflate past theirs, encrypted or broken ones; a cache that cannot be one. One row per case: what
// is given, the limit it hits, what the CLI must say and its exit code, and that nothing was written.
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { deflateSync, gzipSync } from "node:zlib";
import { Zlib } from "fflate";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT, tempDir, type CliRun } from "./support/build.js";

const dir = tempDir("wk-hostile-");
const at = (name: string) => path.join(dir, name);

/** Runs `workshopkit …` without a terminal; a run that hangs is killed and fails the case. */
function cli(args: string[], env: NodeJS.ProcessEnv = {}, seconds = 60): Promise<CliRun & { ms: number }> {
  const started = Date.now();
  return new Promise((done) => {
    const child = spawn(process.execPath, [path.join(ROOT, "bin/workshopkit.js"), ...args], { cwd: dir, env: { ...process.env, WORKSHOPKIT_CACHE: "off", ...env } });
    let stdout = "";
    let stderr = "";
    const timer = setTimeout(() => child.kill("SIGKILL"), seconds * 1000);
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString("utf8")));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString("utf8")));
    child.on("close", (status) => (clearTimeout(timer), done({ status, stdout, stderr, ms: Date.now() - started })));
  });
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes: Buffer) => {
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type: string, data: Buffer) => {
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
};
/**
 * A PNG of `width` × `height` white pixels, its rows compressed as a real pixel bomb is (a few hundred
 * KB for 400 megapixels): only its header need be read to refuse it.
 */
function bombPng(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([1, 0, 0, 0, 0], 8); // 1 bit grey
  const row = Buffer.alloc(1 + Math.ceil(width / 8), 0xff);
  row[0] = 0;
  const rows = Buffer.alloc(row.length * Math.min(height, 200));
  for (let i = 0; i < Math.min(height, 200); i++) row.copy(rows, i * row.length);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", ihdr), chunk("IDAT", deflateSync(rows)), chunk("IEND", Buffer.alloc(0))]);
}

const svg = (body: string, size = 'width="400" height="100"') => `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" ${size}>${body}</svg>`;
const dataUri = (bytes: Buffer, type = "image/png") => `data:${type};base64,${bytes.toString("base64")}`;

/** A PDF of the given objects (1: catalog, 2: pages, 3: the page, …), with a correct cross-reference table. */
function pdf(objects: Buffer[]): Buffer {
  const parts: Buffer[] = [Buffer.from("%PDF-1.7\n")];
  let length = parts[0]!.length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(length);
    const part = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), body, Buffer.from("\nendobj\n")]);
    parts.push(part);
    length += part.length;
  });
  const xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`;
  return Buffer.concat([...parts, Buffer.from(xref)]);
}
const stream = (dict: string, data: Buffer) => Buffer.concat([Buffer.from(`<< ${dict} /Length ${data.length} >>\nstream\n`), data, Buffer.from("\nendstream")]);
const onePage = (resources: string, ...more: Buffer[]) =>
  pdf([Buffer.from("<< /Type /Catalog /Pages 2 0 R >>"), Buffer.from("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"), Buffer.from(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R ${resources} >>`), ...more]);

/** `mb` megabytes of spaces, deflated a megabyte at a time (400 MB come to some 400 KB): a page's contents as a zip bomb. */
function inflatesTo(mb: number): Buffer {
  const parts: Uint8Array[] = [];
  const zlib = new Zlib({ level: 9 }, (data) => parts.push(data));
  const spaces = new Uint8Array(2 ** 20).fill(0x20);
  for (let i = 0; i < mb; i++) zlib.push(spaces, i === mb - 1);
  return Buffer.concat(parts);
}

interface Case {
  name: string;
  /** The limit the case hits, as the README states it. */
  limit: string;
  args: (out: string) => string[];
  env?: NodeJS.ProcessEnv;
  status: 0 | 1;
  stderr: RegExp[];
  /** Must not appear in stdout or stderr. */
  never?: RegExp[];
  /** Killed (and failed) after this long: a device read for ever, a FIFO waited on. */
  seconds?: number;
  /** What else must hold afterwards. */
  check?: () => void;
}

const profile = (name: string, lines: string) => {
  writeFileSync(at(`${name}.yaml`), `company: Hostile ApS\n${lines}\n`);
  return at(`${name}.yaml`);
};
const logoCase = (name: string, file: string, limit: string, stderr: RegExp[], extra: Partial<Case> = {}): Case => ({
  name: `logo: ${name}`,
  limit,
  args: (out) => ["build", "-p", profile(`logo-${file.replace(/\W/g, "-")}`, `logo: ${file.startsWith("/") ? file : `./${file}`}`), "-o", out, "--only", "about"],
  status: 1,
  stderr: [/› logo: /, ...stderr],
  ...extra,
});
const scanCase = (name: string, file: string, limit: string, stderr: RegExp[], extra: Partial<Case> = {}): Case => ({
  name: `scan: ${name}`,
  limit,
  args: (out) => ["results", "-p", path.join(ROOT, "content/example-company.yaml"), "-o", out, file.startsWith("/") ? file : at(file)],
  status: 1,
  stderr: [/No scoring sheet could be read/, ...stderr],
  ...extra,
});
const buildWith = (out: string, more: string[] = []) => ["build", "-p", path.join(ROOT, "content/example-company.yaml"), "-o", out, "--only", "about", ...more];

const cases: Case[] = [
  // Every input path is a regular file read with a byte limit
  { name: "profile: /dev/zero", limit: "a regular file", args: (out) => buildWith(out).map((a) => (a.endsWith("example-company.yaml") ? "/dev/zero" : a)), status: 1, stderr: [/The profile \/dev\/zero is a device, not a regular file/] },
  { name: "profile: /dev/urandom", limit: "a regular file", args: () => ["validate", "/dev/urandom"], status: 1, stderr: [/The profile \/dev\/urandom is a device, not a regular file/] },
  { name: "profile: a FIFO nobody writes to", limit: "a regular file", args: () => ["validate", at("profile.fifo")], status: 1, stderr: [/profile\.fifo is a FIFO \(named pipe\), not a regular file/] },
  { name: "profile: a link to /dev/zero", limit: "a regular file", args: () => ["validate", at("zero-link.yaml")], status: 1, stderr: [/The profile zero-link\.yaml is a device, not a regular file/] },
  { name: "profile: a folder", limit: "a regular file", args: () => ["validate", at("a-folder")], status: 1, stderr: [/profile is a folder, not a file: a-folder/] },
  { name: "profile: 101 KB", limit: "profile 100 KB", args: () => ["validate", at("large.yaml")], status: 1, stderr: [/large\.yaml is 10\d KB; a profile is at most 100 KB/] },
  logoCase("/dev/zero", "/dev/zero", "a regular file", [/the logo file is a device, not a regular file/]),
  logoCase("a FIFO", "logo.fifo", "a regular file", [/the logo file is a FIFO \(named pipe\), not a regular file/]),
  logoCase("a link to /dev/urandom", "random-link.png", "a regular file", [/the logo file is a device, not a regular file/]),
  logoCase("a file of 21 MB", "huge.png", "logo 20 MB", [/the logo file is 21 MB; a logo is at most 20 MB/]),
  // Every raster an SVG embeds counts against the pixel limit
  logoCase("an SVG embedding a 20 000 × 20 000 PNG", "embedded.svg", "40 megapixels", [/the SVG logo embeds images of 400 megapixels or more; everything a logo holds is at most 40 megapixels/]),
  logoCase("an SVG embedding a PNG through CSS", "css.svg", "40 megapixels", [/embeds images of 100 megapixels or more/]),
  logoCase("an SVG whose data: URI is written with character references", "entities.svg", "40 megapixels", [/embeds images of 100 megapixels or more/]),
  logoCase("an SVG embedding an SVG embedding a PNG", "nested.svg", "40 megapixels", [/embeds images of 100 megapixels or more/]),
  logoCase("ten SVG images of 5 megapixels each", "many.svg", "40 megapixels (in all)", [/embeds images of 4\d megapixels or more/]),
  logoCase("a compressed SVG (SVGZ) embedding a large PNG", "bomb.svgz", "40 megapixels", [/embeds images of 100 megapixels or more/]),
  logoCase("an SVG embedding an SVG of width 1e9", "nested-wide.svg", "100 000 pixels a side", [/an SVG embedded in the logo declares a canvas of 1000000000 × 10 pixels; at most 100,000 pixels a side/]),
  logoCase("a PNG of 10 000 × 5 000 pixels", "bomb.png", "40 megapixels", [/the logo is too large \(over 40 megapixels\)/]),
  // The SVG's own canvas, and what librsvg would expand
  logoCase("an SVG with width=1e9", "wide.svg", "100 000 pixels a side", [/the SVG logo declares a canvas of 1000000000 × 1000000000 pixels; at most 100,000 pixels a side/], { never: [/GLib|CRITICAL|gint/] }),
  logoCase("an SVG with an entity declaration", "entity.svg", "no XML entities", [/declares XML entities/]),
  // A render time limit, in a process that is killed past it
  logoCase("an SVG of heavy filters", "filters.svg", "10 s to draw", [/the logo takes longer than 10 s to draw, the limit/], { seconds: 150 }),
  // Scans: byte limit, regular files, inflated streams and pixels before decoding, plain reasons
  scanCase("/dev/zero", "/dev/zero", "a regular file", [/zero: it is a device, not a regular file/]),
  scanCase("a FIFO", "scan.fifo", "a regular file", [/scan\.fifo: it is a FIFO \(named pipe\), not a regular file/]),
  scanCase("a 400 KB PDF whose page inflates to 400 MB", "inflates.pdf", "32 MB a stream", [/inflates\.pdf: it is not a scan workshopkit reads: a \d+ KB stream in it inflates to more than 32 MB/]),
  scanCase("a PDF whose image says 60 000 × 60 000 pixels", "huge-image.pdf", "60 megapixels", [/huge-image\.pdf: it holds an image of 60000 × 60000 pixels, more than the 60 megapixels/]),
  scanCase("an encrypted PDF", "encrypted.pdf", "not encrypted", [/encrypted\.pdf: the PDF is encrypted \(protected by a password or against copying\).*save or print it as a new PDF without protection/], { never: [/ignoreEncryption|PDFDocument/] }),
  scanCase("a PDF of its header only", "header.pdf", "a whole PDF", [/header\.pdf: the PDF is damaged or incomplete.*save or scan it again/], { never: [/undefined|getOrCreateAcroForm/] }),
  scanCase("a PNG of 20 000 × 20 000 pixels", "bomb-scan.png", "60 megapixels", [/bomb-scan\.png: the image is 20000 × 20000 pixels, too large for a scanned page/]),
  // A FIFO planted in out/ as an earlier pack's manifest: the build is refused, nothing waits on it
  { name: "out: a FIFO as the pack's manifest.json", limit: "a regular file", args: () => buildWith(at("planted")), status: 1, stderr: [/nordlys-maskinfabrik-a-s\/ holds files that are not a workshopkit pack/],
    check: () => expect(readdirSync(path.join(at("planted"), "nordlys-maskinfabrik-a-s"))).toEqual(["manifest.json"]) },
  // Weak answers made clear
  { name: "cache: --cache-dir at a file", limit: "a folder", args: (out) => buildWith(out, ["--cache-dir", at("a-file")]), status: 1, stderr: [/--cache-dir .*a-file is a file, not a folder, so nothing can be cached there/] },
  { name: "cache: WORKSHOPKIT_CACHE under a file", limit: "a folder", args: (out) => buildWith(out), env: { WORKSHOPKIT_CACHE: path.join("a-file", "cache") }, status: 1, stderr: [/WORKSHOPKIT_CACHE .*is under .*a-file, which is a file, not a folder/] },
  ...["lots", "-5", "1.5", "0", "99999999"].map((value): Case => ({
    name: `cache: WORKSHOPKIT_CACHE_MAX_MB=${value}`, limit: "1 to 1048576 MB", args: (out) => buildWith(out), env: { WORKSHOPKIT_CACHE: at("cache"), WORKSHOPKIT_CACHE_MAX_MB: value }, status: 1,
    stderr: [new RegExp(`WORKSHOPKIT_CACHE_MAX_MB="${value.replace(".", "\\.")}" is not a cache size: it must be a whole number of megabytes from 1 to 1048576`)],
  })),
];

beforeAll(async () => {
  mkdirSync(at("a-folder"));
  writeFileSync(at("a-file"), "x");
  mkdirSync(path.join(at("planted"), "nordlys-maskinfabrik-a-s"), { recursive: true });
  for (const fifo of ["profile.fifo", "logo.fifo", "scan.fifo", "planted/nordlys-maskinfabrik-a-s/manifest.json"]) execFileSync("mkfifo", [at(fifo)]);
  symlinkSync("/dev/zero", at("zero-link.yaml"));
  symlinkSync("/dev/urandom", at("random-link.png"));
  writeFileSync(at("large.yaml"), `company: "${"N".repeat(101 * 1024)}"\n`);
  writeFileSync(at("huge.png"), Buffer.alloc(21 * 2 ** 20));
  const big = bombPng(20_000, 20_000);
  const tenK = bombPng(10_000, 10_000);
  writeFileSync(at("embedded.svg"), svg(`<image width="400" height="100" xlink:href="${dataUri(big)}"/>`));
  writeFileSync(at("css.svg"), svg(`<style>rect { fill: url("${dataUri(tenK)}") }</style><rect width="400" height="100" style="background-image: url(${dataUri(tenK)})"/>`));
  const referenced = [...dataUri(tenK).slice(0, 5)].map((c) => `&#${c.charCodeAt(0)};`).join("") + dataUri(tenK).slice(5);
  writeFileSync(at("entities.svg"), svg(`<image width="400" height="100" href="${referenced}"/>`));
  const inner = svg(`<image width="10" height="10" href="${dataUri(tenK)}"/>`, 'width="10" height="10"');
  writeFileSync(at("nested.svg"), svg(`<image width="400" height="100" href="${dataUri(Buffer.from(inner), "image/svg+xml")}"/>`));
  const five = bombPng(2500, 2000);
  writeFileSync(at("many.svg"), svg(Array.from({ length: 10 }, (_, i) => `<image x="${i * 40}" width="40" height="100" href="${dataUri(five)}"/>`).join("")));
  writeFileSync(at("bomb.svgz"), gzipSync(svg(`<image width="400" height="100" href="${dataUri(tenK)}"/>`)));
  const wideInner = svg("<rect/>", 'width="1e9" height="10"');
  writeFileSync(at("nested-wide.svg"), svg(`<image width="400" height="100" href="data:image/svg+xml,${encodeURIComponent(wideInner)}"/>`));
  writeFileSync(at("bomb.png"), await sharp({ create: { width: 10_000, height: 5_000, channels: 3, background: "#ffffff" } }).png({ compressionLevel: 9, palette: true }).toBuffer());
  writeFileSync(at("wide.svg"), svg('<rect width="10" height="10"/>', 'width="1e9" height="1e9"'));
  writeFileSync(at("entity.svg"), `<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>${svg("<text>&b;</text>")}`);
  const filters = Array.from({ length: 30 }, (_, i) => `<filter id="f${i}" x="-50%" y="-50%" width="200%" height="200%"><feGaussianBlur stdDeviation="200"/><feMorphology operator="dilate" radius="100"/><feTurbulence baseFrequency="0.9" numOctaves="10"/></filter>`).join("");
  const layers = Array.from({ length: 30 }, (_, i) => `<g filter="url(#f${i})"><rect width="2000" height="2000" fill="red"/></g>`).join("");
  writeFileSync(at("filters.svg"), svg(`<defs>${filters}</defs>${layers}`, 'width="2000" height="2000"'));

  writeFileSync(at("inflates.pdf"), onePage("", stream("/Filter /FlateDecode", inflatesTo(400))));
  const image = deflateSync(Buffer.alloc(60_000 * 100, 0xff));
  writeFileSync(at("huge-image.pdf"), onePage("/Resources << /XObject << /Im 5 0 R >> >>", stream("", Buffer.from("q 595 0 0 842 0 0 cm /Im Do Q")), stream("/Type /XObject /Subtype /Image /Width 60000 /Height 60000 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode", image)));
  writeFileSync(at("plain.pdf"), onePage("", stream("", Buffer.from("q Q"))));
  execFileSync("qpdf", ["--encrypt", "user", "owner", "256", "--", at("plain.pdf"), at("encrypted.pdf")]);
  writeFileSync(at("header.pdf"), "%PDF-1.7\n");
  writeFileSync(at("bomb-scan.png"), big);
}, 120_000);

describe("hostile files through the CLI", () => {
  it.concurrent.each(cases)("$name (limit: $limit)", async ({ args, env, status, stderr, never = [], seconds = 90, check }) => {
    const out = at(`out-${Math.random().toString(36).slice(2)}`);
    const r = await cli(args(out), env, seconds);
    expect(r.status, `${r.stderr}\n${r.stdout}`).toBe(status);
    for (const m of stderr) expect(r.stderr).toMatch(m);
    for (const m of [...never, /at .*\.[jt]s:\d+/, /Unexpected error/]) expect(`${r.stderr}${r.stdout}`).not.toMatch(m);
    // Nothing was written: no pack, no results, no folder.
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
    check?.();
  }, 200_000);
});
