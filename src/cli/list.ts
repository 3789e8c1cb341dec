// `workshopkit list`: the materials a pack holds (ids for --only), and the film names.
import { Command } from "commander";
import { loadContent } from "../load/loadContent.js";
import { CONTENT_DIR } from "../pipeline.js";
import { listMaterials } from "../resolve/resolve.js";

export function listCommand(): Command {
  return new Command("list")
    .description("list the materials (their ids go with build --only) or, with --films, the films")
    .option("--films", "list the film names a profile can give addresses for")
    .action(async (opts: { films?: boolean }) => {
      const toolkit = await loadContent(CONTENT_DIR);
      if (opts.films) {
        for (const tool of toolkit.tools)
          for (const step of tool.steps)
            for (const b of step.blocks) if (b.type === "film") console.log(`${b.id.padEnd(28)} Værktøj ${tool.number}: ${b.text}`);
        return;
      }
      const materials = listMaterials(toolkit);
      const width = Math.max(...materials.map((m) => m.id.length)) + 2;
      for (const m of materials) console.log(`${m.id.padEnd(width)}${m.kind.padEnd(12)}${m.title}`);
    });
}
