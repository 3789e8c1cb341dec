// `workshopkit list`: the materials a pack holds (ids for --only), and the film names.
import { Command } from "commander";

export function listCommand(): Command {
  return new Command("list")
    .description("list the materials (their ids go with build --only) or, with --films, the films")
    .option("--films", "list the film names a profile can give addresses for")
    .action(async (opts: { films?: boolean }) => {
      // Loaded here, not for --help or the other commands.
      const [{ loadContent }, { CONTENT_DIR }, { listMaterials }] = await Promise.all([import("../load/loadContent.js"), import("../load/contentDir.js"), import("../resolve/listMaterials.js")]);
      const toolkit = await loadContent(CONTENT_DIR);
      if (opts.films) {
        // A film shown in several steps (or tools) is one address in the profile: list it once, with every tool it is in.
        const films = new Map<string, { tools: number[]; text: string }>();
        for (const tool of toolkit.tools)
          for (const step of tool.steps)
            for (const b of step.blocks) {
              if (b.type !== "film") continue;
              const film = films.get(b.id) ?? { tools: [], text: b.text };
              if (!film.tools.includes(tool.number)) film.tools.push(tool.number);
              films.set(b.id, film);
            }
        for (const [id, { tools, text }] of films) console.log(`${id.padEnd(28)} Værktøj ${tools.join(", ")}: ${text}`);
        return;
      }
      const materials = listMaterials(toolkit);
      const width = Math.max(...materials.map((m) => m.id.length)) + 2;
      for (const m of materials) console.log(`${m.id.padEnd(width)}${m.kind.padEnd(12)}${m.title}`);
    });
}
