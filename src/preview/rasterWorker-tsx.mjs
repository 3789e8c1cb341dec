// The preview's raster thread when workshopkit runs from its TypeScript (no dist/): tsx in the thread too.
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

register({ tsconfig: fileURLToPath(new URL("../../tsconfig.json", import.meta.url)) });
await import("./rasterWorker.ts");
