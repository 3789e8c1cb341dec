// Where the toolkit's content is: a module of its own, so a light command (list, validate) need not load the pipeline.
import path from "node:path";

export const CONTENT_DIR = path.resolve(import.meta.dirname, "../../content");
