// The workshopkit command line: wires the commands; errors are reported here, in one place.
import { Command } from "commander";
import { WorkshopkitError } from "../errors.js";
import { buildCommand } from "./build.js";
import { initCommand } from "./init.js";
import { listCommand } from "./list.js";
import { validateCommand } from "./validate.js";

const program = new Command("workshopkit")
  .description('Print-ready, branded workshop material for the toolkit "Fællesskaber Skaber Mental Sundhed".')
  .showHelpAfterError("(run workshopkit --help to see the commands)")
  .configureOutput({ outputError: (str, write) => write(str) });

program.addCommand(initCommand());
program.addCommand(validateCommand());
program.addCommand(listCommand());
program.addCommand(buildCommand());

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof WorkshopkitError) {
    process.stderr.write(`Error: ${err.message}\n${err.hint ? `${err.hint}\n` : ""}`);
  } else {
    process.stderr.write(`Unexpected error: ${(err as Error).stack ?? String(err)}\nThis is a fault in workshopkit; please report it.\n`);
  }
  process.exitCode = 1;
}
