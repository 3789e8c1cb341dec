// A zod schema's issues as coded problems: the code from what went wrong and where (the profile's
// own refinements carry theirs in `params.code`), the English from the schema itself.
import type { z } from "zod";
import { EN, type Params, type ProblemCode } from "../problems/en.js";
import type { Problem } from "../errors.js";

/** `["steps", 2, "label"]` → `steps[2].label` */
export function fieldPath(segments: readonly PropertyKey[]): string {
  return segments
    .map((s, i) => (typeof s === "number" ? `[${s}]` : i === 0 ? String(s) : `.${String(s)}`))
    .join("");
}

type Issue = z.core.$ZodIssue;

/** The code of one issue at `path` (dotted, as `fieldPath` writes it). */
function codeOf(issue: Issue, path: string): { code: ProblemCode; params?: Params } {
  const named = issue.code === "custom" ? (issue as { params?: { code?: unknown } }).params?.code : undefined;
  if (typeof named === "string" && named in EN) return { code: named as ProblemCode, params: (issue as { params?: Params }).params };
  const field = path.split(".").at(-1) ?? "";
  if (path.startsWith("films.")) {
    if (issue.code === "too_big") return { code: "film.urlTooLong", params: { max: Number(issue.maximum) } };
    return { code: "film.url" };
  }
  if (issue.code === "too_big" && issue.origin === "string") return { code: "text.tooLong", params: { max: Number(issue.maximum) } };
  if (issue.code === "too_small" && issue.origin === "string") return { code: "field.blank" };
  if (field === "email") return { code: "contact.email" };
  if (field === "phone") return { code: "contact.phone" };
  if (field === "colour") return { code: "profile.colour" };
  if (field === "paper") return { code: "profile.paper" };
  if (field === "folder") return { code: "profile.folder" };
  if (field === "cardSize") return { code: "cards.cardSize" };
  if (field === "duplex") return { code: "cards.duplex" };
  if (field === "blankCards") return { code: "cards.blankCards" };
  return { code: "field.invalid" };
}

/** Every issue of `error` as a problem of `file`; `prefix` goes before each path (`cards.` for the card options). */
export function zodProblems(file: string, error: z.ZodError, prefix = ""): Problem[] {
  return error.issues.flatMap((issue): Problem[] => {
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({ code: "field.unknown", params: { key }, file, path: prefix + fieldPath([...issue.path, key]), message: "unknown field; check its spelling or remove it" }));
    }
    const path = prefix + fieldPath(issue.path);
    const message = issue.message.replace(/^Invalid input: /, "");
    // `company` left out (undefined), or `phone:` with nothing after it (null)
    if (issue.code === "invalid_type" && / received undefined$/.test(issue.message)) return [{ code: "field.required", params: {}, file, path, message: "required" }];
    if (issue.code === "invalid_type" && / received null$/.test(issue.message)) return [{ code: "field.empty", params: {}, file, path, message: "is empty; fill it in or remove the line" }];
    const { code, params } = codeOf(issue, path);
    const { code: _, ...rest } = params ?? {};
    return [{ code, params: { ...rest, detail: message }, file, path, message }];
  });
}
