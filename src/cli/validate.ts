// `workshopkit validate <file>`: checks a profile and reports every problem at once.
import { Command } from "commander";
import { loadContent } from "../load/loadContent.js";
import { loadProfile } from "../load/loadProfile.js";
import { CONTENT_DIR } from "../pipeline.js";
import { resolve } from "../resolve/resolve.js";
import { validate } from "../validate/validate.js";

export function validateCommand(): Command {
  return new Command("validate")
    .description("check a company profile (and its logo) without building anything")
    .argument("<file>", "the profile, YAML or JSON")
    .action(async (file: string) => {
      const toolkit = await loadContent(CONTENT_DIR);
      const profile = await loadProfile(file);
      validate(toolkit, profile);
      const { warnings } = resolve({ toolkit, profile: profile.profile, logo: profile.logo });
      console.log(`${profile.label} is valid.`);
      for (const w of warnings) console.log(`  note: ${w.message}`);
    });
}
