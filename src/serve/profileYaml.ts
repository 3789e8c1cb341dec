// "Gem profil": a profile as the commented YAML that `workshopkit build` reads, with the same comments
// as `workshopkit init` writes (taken from its template, so the two never drift). Pure: runs in the page.
import { Document, isMap, isScalar, type YAMLMap } from "yaml";
import { PROFILE_TEMPLATE } from "../cli/profileTemplate.js";

const TOP_KEYS = ["company", "logo", "colour", "paper", "contacts", "films"];
const CONTACT_KEYS = ["hr", "amr", "tr", "counselling", "psychologist", "sickLeaveAdvice"];

/** The template's comments: its opening block, and the comment above each key (also keys commented out). */
export function templateComments(template = PROFILE_TEMPLATE): { header: string; keys: Map<string, string> } {
  const keys = new Map<string, string>();
  const header: string[] = [];
  let pending: string[] = [];
  let inHeader = true;
  for (const line of template.split("\n")) {
    if (line.trim() === "") {
      if (inHeader) header.push(...pending);
      inHeader = false;
      pending = [];
      continue;
    }
    const uncommented = line.replace(/^(\s*)#\s?/, "$1");
    const key = /^(\s*)([a-z][A-Za-z]*):/.exec(uncommented);
    const indent = key?.[1]!.length ?? -1;
    const path = key && indent === 0 && TOP_KEYS.includes(key[2]!) ? key[2]! : key && indent === 2 && CONTACT_KEYS.includes(key[2]!) ? `contacts.${key[2]}` : undefined;
    if (path) {
      if (pending.length > 0 && !keys.has(path)) keys.set(path, pending.join("\n"));
      pending = [];
    } else if (key || !line.trimStart().startsWith("#")) {
      pending = [];
    } else {
      pending.push(line.trimStart().replace(/^#\s?/, ""));
    }
  }
  return { header: header.join("\n"), keys };
}

const comment = (text: string) => text.split("\n").map((l) => ` ${l}`).join("\n");

/** The profile (as the schema holds it, or a draft of one) as commented YAML. */
export function profileYaml(profile: Record<string, unknown>): string {
  const { header, keys } = templateComments();
  const doc = new Document(profile);
  doc.commentBefore = comment(header);
  const annotate = (map: unknown, prefix: string) => {
    if (!isMap(map)) return;
    for (const pair of (map as YAMLMap).items) {
      if (!isScalar(pair.key)) continue;
      const path = `${prefix}${String(pair.key.value)}`;
      const hint = keys.get(path);
      if (hint) pair.key.commentBefore = comment(hint);
      if (!prefix && pair !== (map as YAMLMap).items[0]) pair.key.spaceBefore = true;
      if (path === "contacts") annotate(pair.value, "contacts.");
    }
  };
  annotate(doc.contents, "");
  return doc.toString({ lineWidth: 0 });
}
