// The page itself: web/ bundled by esbuild into memory when the server starts (React, the profile's
// zod schema and the Danish messages in one script), the stylesheet, and Lato as WOFF2; each compressed once.
import { readFile } from "node:fs/promises";
import path from "node:path";
import zlib, { brotliCompressSync, gzipSync } from "node:zlib";
import { pathToFileURL } from "node:url";
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from "fastify";
import type {} from "@fastify/compress"; // its route option `compress`
import { WorkshopkitError } from "../errors.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const WEB = path.join(ROOT, "web");

const FONT_DIST = path.join(ROOT, "dist/fonts");

/** The web fonts as WOFF2: made by `npm run compile` into dist/fonts, else here, once (wawoff2 and subset-font, development tools like esbuild). */
async function webFonts(): Promise<Map<string, Buffer>> {
  const { WEB_FONTS, woff2Of } = (await import(pathToFileURL(path.join(ROOT, "scripts/webFonts.mjs")).href)) as { WEB_FONTS: Record<string, { ttf: string; latin: boolean }>; woff2Of: (spec: { ttf: string; latin: boolean }) => Promise<Buffer> };
  const fonts = new Map<string, Buffer>();
  for (const [name, ttf] of Object.entries(WEB_FONTS)) {
    const made = await readFile(path.join(FONT_DIST, name)).catch(() => undefined);
    fonts.set(name, made ?? (await woff2Of(ttf).catch(() => {
      throw new WorkshopkitError("The web page's fonts cannot be made: wawoff2 or subset-font, which make them, is not installed.", "Install workshopkit with its development tools: npm ci (without --omit=dev).");
    })));
  }
  return fonts;
}

/** A text asset compressed once, as brotli (at its best, once) and gzip, for the encodings a browser accepts. */
interface Packed {
  type: string;
  raw: Buffer;
  br: Buffer;
  gzip: Buffer;
}

function pack(type: string, text: string): Packed {
  const raw = Buffer.from(text);
  return { type, raw, br: brotliCompressSync(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length } }), gzip: gzipSync(raw, { level: 9 }) };
}

function sendPacked(request: FastifyRequest, reply: FastifyReply, asset: Packed, headers: Record<string, string>) {
  const accepted = String(request.headers["accept-encoding"] ?? "");
  const encoding = /\bbr\b/.test(accepted) ? "br" : /\bgzip\b/.test(accepted) ? "gzip" : undefined;
  void reply.headers(headers).header("vary", "accept-encoding").type(asset.type);
  if (!encoding) return reply.send(asset.raw);
  return reply.header("content-encoding", encoding).send(asset[encoding]);
}

export async function bundlePage(): Promise<string> {
  const { build } = await import("esbuild").catch(() => {
    throw new WorkshopkitError("The web page cannot be made: esbuild, which bundles it, is not installed.", "Install workshopkit with its development tools: npm ci (without --omit=dev).");
  });
  const result = await build({
    entryPoints: [path.join(WEB, "main.tsx")],
    bundle: true,
    write: false,
    format: "esm",
    platform: "browser",
    target: "es2022",
    minify: true,
    jsx: "automatic",
    define: { "process.env.NODE_ENV": '"production"' },
    logLevel: "silent",
  });
  return result.outputFiles[0]!.text;
}

export const pagePlugin: FastifyPluginAsync = async (app) => {
  const [html, css, script, fonts] = await Promise.all([readFile(path.join(WEB, "index.html"), "utf8"), readFile(path.join(WEB, "style.css"), "utf8"), bundlePage(), webFonts()]);
  const assets = { html: pack("text/html; charset=utf-8", html), css: pack("text/css; charset=utf-8", css), script: pack("text/javascript; charset=utf-8", script) };
  // Compressed here, once: the compress plugin would do it again for every request.

  // Security headers (the page's Content-Security-Policy among them) are the guard's (guard.ts).
  app.get("/", { compress: false }, (req, reply) => sendPacked(req, reply, assets.html, {}));
  app.get("/app.js", { compress: false }, (req, reply) => sendPacked(req, reply, assets.script, {}));
  app.get("/style.css", { compress: false }, (req, reply) => sendPacked(req, reply, assets.css, {}));
  app.get("/favicon.ico", (_req, reply) => reply.code(204).send());
  app.get<{ Params: { name: string } }>("/fonts/:name", { compress: false }, (req, reply) => {
    const font = fonts.get(req.params.name);
    if (!font) return reply.code(404).send({ error: "Den fil findes ikke." });
    return reply.type("font/woff2").header("cache-control", "max-age=86400").send(font); // WOFF2 is compressed already
  });
};
