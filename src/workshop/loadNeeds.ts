// Loads content/workshop.yaml: what each tool's workshop prints (read once a process, like the toolkit).
import path from "node:path";
import { CONTENT_DIR } from "../load/contentDir.js";
import { readDataFile } from "../load/readDataFile.js";
import { WorkshopNeeds } from "./needs.js";

let loaded: Promise<WorkshopNeeds> | undefined;

export function loadNeeds(root = CONTENT_DIR): Promise<WorkshopNeeds> {
  if (root !== CONTENT_DIR) return readDataFile(path.join(root, "workshop.yaml"), WorkshopNeeds, "content file", "content/workshop.yaml");
  loaded ??= readDataFile(path.join(root, "workshop.yaml"), WorkshopNeeds, "content file", "content/workshop.yaml").catch((err: unknown) => {
    loaded = undefined;
    throw err;
  });
  return loaded;
}
