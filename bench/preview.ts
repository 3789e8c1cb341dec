// Bench child: the web page's live preview (src/preview) of a changed profile, warm: one preview
// to load and warm up, then one per profile given, each a different company (name, colour, logo).
// Then two smaller changes of the last company, as a user makes them: its colour only (every page
// drawn again) and one contact's phone number only (only the help card drawn again).
// Prints JSON: ms of each warm preview (wall clock), cpuMs of each (this process's CPU time: steadier
// than the wall clock on a busy machine), colourMs and contactMs.
import path from "node:path";
import { loadContent } from "../src/load/loadContent.js";
import { loadProfile, type LoadedProfile } from "../src/load/loadProfile.js";
import { preview } from "../src/preview/preview.js";

const ROOT = path.resolve(import.meta.dirname, "..");
const toolkit = await loadContent(path.join(ROOT, "content"));
const date = new Date(`${toolkit.info.date}T00:00:00Z`);
const [first, ...profiles] = process.argv.slice(2);
await preview({ toolkit, profile: await loadProfile(first!), date });

async function timed(profile: LoadedProfile): Promise<{ ms: number; cpuMs: number }> {
  const cpu = process.cpuUsage();
  const t = performance.now();
  await preview({ toolkit, profile, date });
  const ms = performance.now() - t;
  const used = process.cpuUsage(cpu);
  return { ms, cpuMs: (used.user + used.system) / 1000 };
}

const ms: number[] = [];
const cpuMs: number[] = [];
let last: LoadedProfile | undefined;
for (const file of profiles) {
  last = await loadProfile(file);
  const run = await timed(last);
  ms.push(run.ms);
  cpuMs.push(run.cpuMs);
}
const colourMs: number[] = [];
const contactMs: number[] = [];
if (last) {
  for (const [i, colour] of ["#7A1F5C", "#2E6B30", "#8B4A1F"].entries()) {
    colourMs.push((await timed({ ...last, profile: { ...last.profile, colour } })).ms);
    const contacts = { ...last.profile.contacts, hr: { ...last.profile.contacts.hr, name: last.profile.contacts.hr?.name ?? "HR", phone: `86 12 34 7${i}` } };
    contactMs.push((await timed({ ...last, profile: { ...last.profile, colour, contacts } })).ms);
  }
}
console.log(JSON.stringify({ ms, cpuMs, colourMs, contactMs }));
