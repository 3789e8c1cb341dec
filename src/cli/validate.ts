// `workshopkit validate <file>`: checks a profile and reports every problem at once.
import { Command } from "commander";
import { escapeControl, WorkshopkitError } from "../errors.js";
import { loadContent } from "../load/loadContent.js";
import { inspectProfile } from "../load/loadProfile.js";
import { CONTENT_DIR } from "../pipeline.js";
import { resolve } from "../resolve/resolve.js";
import { profileProblems } from "../validate/validate.js";

export function validateCommand(): Command {
  return new Command("validate")
    .description("check a company profile (and its logo) without building anything")
    .argument("<file>", "the profile, YAML or JSON")
    .action(async (file: string) => {
      const toolkit = await loadContent(CONTENT_DIR);
      const inspected = await inspectProfile(file);
      const problems = profileProblems(toolkit, inspected);
      if (problems.length > 0 || !inspected.profile) {
        throw WorkshopkitError.fromProblems(
          `${inspected.label} has ${problems.length} problem${problems.length === 1 ? "" : "s"}:`,
          problems,
          `Fix ${problems.length === 1 ? "it" : "them"}, then run: npx workshopkit validate ${file}`,
        );
      }
      const { warnings } = resolve({ toolkit, profile: inspected.profile, logo: inspected.logo });
      console.log(escapeControl(`${inspected.label} is valid.`));
      for (const w of [...inspected.warnings, ...warnings]) console.log(`  note: ${escapeControl(w.message)}`);
    });
}
