// The server's build queue: a build is the pipeline's own compile of the validated request, in memory,
// with the logo the request named when it was queued, even when the logo store has forgotten it by the
// time the build starts (the store keeps only the latest uploads).
import { readFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { compile, CONTENT_DIR, prepare } from "../src/pipeline.js";
import { loadContent } from "../src/load/loadContent.js";
import { loadNeeds } from "../src/workshop/loadNeeds.js";
import { openCache } from "../src/cache/cacheDir.js";
import { JobQueue, type Job } from "../src/serve/jobs.js";
import { LogoStore } from "../src/serve/logos.js";
import { cardOptionsOf, PackRequest, profileOf } from "../src/serve/request.js";
import { ROOT } from "./support/build.js";

const finished = (job: Job) =>
  new Promise<void>((resolve) => {
    if (job.finished) return resolve();
    job.listeners.add((e) => void ((e.type === "done" || e.type === "failed") && resolve()));
  });

describe("a build queued on the server", () => {
  it("is made with the logo its request named, though the store forgets that logo before the build starts", async () => {
    const toolkit = await loadContent(CONTENT_DIR);
    const date = new Date(`${toolkit.info.date}T00:00:00Z`);
    const logos = new LogoStore(1);
    const logo = await logos.add(readFileSync(path.join(ROOT, "assets/default-logo.svg")));
    // The run's build cache (tests/support/runCache.ts), as the server uses the CLI's: v04 is rendered once for the four builds here.
    const cache = openCache();
    const queue = new JobQueue({ toolkit, needs: await loadNeeds(), cache, date, concurrency: 1 });
    const request = PackRequest.parse({ profile: { company: "Logo Kø ApS" }, logo: logo.id, only: ["v04"] });
    // A build ahead of it keeps it waiting while another upload pushes its logo out of the store.
    const ahead = queue.submit(PackRequest.parse({ profile: { company: "Foran ApS" }, only: ["v04"] }));
    const job = queue.submit(request, logo);
    const other = await sharp({ create: { width: 400, height: 200, channels: 3, background: "#2a6f97" } }).png().toBuffer();
    await logos.add(other);
    expect(logos.get(logo.id)).toBeUndefined();
    await Promise.all([finished(ahead), finished(job)]);
    expect(job.events.at(-1)).toMatchObject({ type: "done" });

    const expected = await compile(prepare({ toolkit, profile: profileOf(request, logo), only: request.only, cards: cardOptionsOf(request), date }), { cache });
    const withoutLogo = await compile(prepare({ toolkit, profile: profileOf(request, undefined), only: request.only, cards: cardOptionsOf(request), date }), { cache });
    const v04 = (files: { name: string; bytes: Uint8Array }[]) => Buffer.from(files.find((f) => f.name === "v04.pdf")!.bytes);
    expect(v04(withoutLogo.files).equals(v04(expected.files)), "the logo changes the worksheet (so this test can fail)").toBe(false);
    expect(Buffer.from(job.files.get("v04.pdf")!).equals(v04(expected.files))).toBe(true);
  }, 240_000);
});
