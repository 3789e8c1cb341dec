// `workshopkit init [file]`: writes a commented example profile to start from.
import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { Command } from "commander";
import { escapeControl, WorkshopkitError } from "../errors.js";
import { PROFILE_TEMPLATE } from "./profileTemplate.js";

/** `profile.yaml` → the first of `profile-2.yaml`, `profile-3.yaml`, … that does not exist. */
function freeName(file: string): string {
  const ext = path.extname(file);
  const stem = file.slice(0, file.length - ext.length).replace(/-\d+$/, "");
  for (let n = 2; ; n++) if (!existsSync(`${stem}-${n}${ext}`)) return `${stem}-${n}${ext}`;
}

export function initCommand(): Command {
  return new Command("init")
    .description("write a commented example company profile to fill in")
    .argument("[file]", "where to write it", "profile.yaml")
    .action(async (file: string) => {
      try {
        await writeFile(file, PROFILE_TEMPLATE, { flag: "wx" });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === "EEXIST") {
          throw WorkshopkitError.of("cli.initExists", { file, free: freeName(file) }, { file });
        }
        throw WorkshopkitError.of("cli.initCannotWrite", { file, detail: (err as Error).message }, { file });
      }
      console.log(escapeControl(`Wrote ${file}. Fill it in, then run:\n  npx workshopkit validate ${file}\n  npx workshopkit build --profile ${file}`, true));
    });
}
