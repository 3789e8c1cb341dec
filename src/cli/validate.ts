// `workshopkit validate <file>`: checks a profile and reports every problem at once.
import { Command } from "commander";
import { escapeControl, WorkshopkitError } from "../errors.js";

export function validateCommand(): Command {
  return new Command("validate")
    .description("check a company profile (and its logo) without building anything")
    .argument("<file>", "the profile, YAML or JSON")
    .action(async (file: string) => {
      // Loaded here, not for --help or the other commands (the fonts, and sharp for the logo).
      const [{ loadContent }, { inspectProfile }, { CONTENT_DIR }, { resolve }, { profileProblems }] = await Promise.all([
        import("../load/loadContent.js"),
        import("../load/loadProfile.js"),
        import("../load/contentDir.js"),
        import("../resolve/resolve.js"),
        import("../validate/validate.js"),
      ]);
      const toolkit = await loadContent(CONTENT_DIR);
      const inspected = await inspectProfile(file);
      const problems = profileProblems(toolkit, inspected);
      if (problems.length > 0 || !inspected.profile) {
        throw WorkshopkitError.listing("cli.validate", { file: inspected.label, count: problems.length, command: file }, problems, { file: inspected.label });
      }
      const { warnings } = resolve({ toolkit, profile: inspected.profile, logo: inspected.logo });
      console.log(escapeControl(`${inspected.label} is valid.`));
      for (const w of [...inspected.warnings, ...warnings]) console.log(`  note: ${escapeControl(w.message)}`);
    });
}
