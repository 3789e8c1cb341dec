// The workshopkit command line: wires the commands; errors are reported here, in one place.
import { readFileSync } from "node:fs";
import { Command } from "commander";
import { escapeControl, WorkshopkitError } from "../errors.js";
import { removeTempFoldersSync } from "../write/tempFolders.js";
import { buildCommand } from "./build.js";
import { initCommand } from "./init.js";
import { listCommand } from "./list.js";
import { validateCommand } from "./validate.js";
import { serveCommand } from "./serve.js";
import { resultsCommand } from "./results.js";
import { cacheCommand } from "./cache.js";

const { version } = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };

// Ctrl-C or a stop while writing: remove the half-written folder (the earlier pack stays), then exit as killed.
for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143]] as const) {
  process.once(signal, () => {
    removeTempFoldersSync();
    process.exit(code);
  });
}

const program = new Command("workshopkit")
  .version(version, "-V, --version", "print the version of workshopkit")
  .description('Print-ready, branded workshop material for the toolkit "Fællesskaber Skaber Mental Sundhed".')
  .showHelpAfterError("(run workshopkit --help to see the commands)")
  .configureOutput({ outputError: (str, write) => write(escapeControl(str, true)) });

program.addCommand(initCommand());
program.addCommand(validateCommand());
program.addCommand(listCommand());
program.addCommand(buildCommand());
program.addCommand(serveCommand());
program.addCommand(resultsCommand());
program.addCommand(cacheCommand());

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof WorkshopkitError) {
    process.stderr.write(escapeControl(`Error: ${err.message}\n${err.hint ? `${err.hint}\n` : ""}`, true));
  } else {
    process.stderr.write(escapeControl(`Unexpected error: ${(err as Error).stack ?? String(err)}\nThis is a fault in workshopkit; please report it.\n`, true));
  }
  process.exitCode = 1;
}
