// The page itself: web/ bundled by esbuild into memory when the server starts (React, the profile's
// zod schema and the Danish messages in one script), the stylesheet, and Lato from assets/fonts.
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { FastifyPluginAsync } from "fastify";
import { WorkshopkitError } from "../errors.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const WEB = path.join(ROOT, "web");

/** The only font files served, by the name the stylesheet uses: no path from a request is ever opened. */
const FONTS: Record<string, string> = {
  "lato-regular.ttf": "Lato-Regular.ttf",
  "lato-bold.ttf": "Lato-Bold.ttf",
  "lato-italic.ttf": "Lato-Italic.ttf",
};

export async function bundlePage(): Promise<string> {
  const { build } = await import("esbuild").catch(() => {
    throw WorkshopkitError.of("serve.noEsbuild", {});
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
  const [html, css, script] = await Promise.all([readFile(path.join(WEB, "index.html"), "utf8"), readFile(path.join(WEB, "style.css"), "utf8"), bundlePage()]);
  const fonts = new Map<string, Buffer>();
  for (const [name, file] of Object.entries(FONTS)) fonts.set(name, await readFile(path.join(ROOT, "assets/fonts", file)));

  const security = { "x-content-type-options": "nosniff", "content-security-policy": "default-src 'self'; img-src 'self' data: blob:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'" };
  app.get("/", (_req, reply) => reply.headers(security).type("text/html; charset=utf-8").send(html));
  app.get("/app.js", (_req, reply) => reply.headers(security).type("text/javascript; charset=utf-8").send(script));
  app.get("/style.css", (_req, reply) => reply.headers(security).type("text/css; charset=utf-8").send(css));
  app.get("/favicon.ico", (_req, reply) => reply.code(204).send());
  app.get<{ Params: { name: string } }>("/fonts/:name", (req, reply) => {
    const font = fonts.get(req.params.name);
    if (!font) return reply.code(404).send({ error: "Den fil findes ikke." });
    return reply.type("font/ttf").header("cache-control", "max-age=86400").send(font);
  });
};
