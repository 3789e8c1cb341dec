// The preview's rasteriser in a thread of its own: the shared one (src/raster), so the same pixels,
// drawing one material's pages while the main thread renders the next (the machine has two cores).
import { parentPort } from "node:worker_threads";
import { pageToPng, rasterisePdf } from "../raster/rasterisePdf.js";

export interface RasterJob {
  id: number;
  bytes: Uint8Array;
  pages: number[];
  dpi: number;
}
export type RasterAnswer = { id: number; pngs: Uint8Array[] } | { id: number; error: string };

parentPort?.on("message", async ({ id, bytes, pages, dpi }: RasterJob) => {
  try {
    const pngs: Uint8Array[] = [];
    for await (const image of rasterisePdf(bytes, { dpi, pages })) pngs.push(await pageToPng(image));
    parentPort!.postMessage({ id, pngs } satisfies RasterAnswer);
  } catch (err) {
    parentPort!.postMessage({ id, error: (err as Error).message ?? String(err) } satisfies RasterAnswer);
  }
});
