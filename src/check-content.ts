// Loads content/ and prints what it holds, or every problem: `npx tsx src/check-content.ts`.
import path from "node:path";
import { loadContent } from "./load/loadContent.js";
import { WorkshopkitError } from "./errors.js";

try {
  const t = await loadContent(path.resolve("content"));
  console.log(`${t.tools.length} tools, ${t.decks.length} decks, ${t.documents.length} documents: OK`);
} catch (err) {
  console.error(err instanceof WorkshopkitError ? err.message : err);
  process.exitCode = 1;
}
