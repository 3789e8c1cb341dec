// `workshopkit init [file]`: writes a commented example profile to start from.
import { writeFile } from "node:fs/promises";
import { Command } from "commander";
import { WorkshopkitError } from "../errors.js";
import { PROFILE_TEMPLATE } from "./profileTemplate.js";

export function initCommand(): Command {
  return new Command("init")
    .description("write a commented example company profile to fill in")
    .argument("[file]", "where to write it", "profile.yaml")
    .action(async (file: string) => {
      try {
        await writeFile(file, PROFILE_TEMPLATE, { flag: "wx" });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === "EEXIST") {
          throw new WorkshopkitError(`${file} already exists; it was left as it is.`, "Give another file name: workshopkit init my-company.yaml");
        }
        throw new WorkshopkitError(`Cannot write ${file}: ${(err as Error).message}`);
      }
      console.log(`Wrote ${file}. Fill it in, then run:\n  workshopkit validate ${file}\n  workshopkit build --profile ${file}`);
    });
}
