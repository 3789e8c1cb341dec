// "Byg pakken": the build's progress, material by material, then the downloads.
import { fieldId } from "./Field.js";
import { fieldName } from "./fields.js";
import { warningMessage } from "./danish.js";
import type { Info } from "./api.js";

/** A field's name as the page calls it: the workshop's fields, a film by its title, else the form's own names. */
function nameOf(path: string, info?: Info): string {
  const [first, second, third] = path.split(".");
  if (first === "workshop") {
    if (second === "copies") return `Antal › ${info?.materials.find((m) => m.id === third)?.title ?? "materiale"}`;
    return { tools: "Værktøjer", participants: "Deltagere", groups: "Grupper" }[second ?? ""] ?? "Til workshoppen";
  }
  if (first === "films") {
    const film = info?.films.find((f) => f.id === path.slice("films.".length));
    if (film) return `Filmen »${film.label.replace(/^Værktøj \d+: /, "")}«`;
  }
  return fieldName(path);
}

/** A build's warning in Danish, the materials it names by their titles rather than their ids. */
function warningText(message: string, info?: Info): string {
  const titled = message.replace(/\(([a-z0-9-]+(?:, [a-z0-9-]+)*)\)\.$/, (whole, ids: string) => {
    const titles = ids.split(", ").map((id) => info?.materials.find((m) => m.id === id)?.title);
    return titles.every(Boolean) ? `(${titles.join("; ")}).` : whole;
  });
  return warningMessage(titled, (path) => nameOf(path, info));
}

export interface DownloadEntry {
  file: string;
  title: string;
  pages?: number;
  bytes: number;
}

export type BuildState =
  | { state: "idle" }
  | { state: "queued"; ahead: number }
  /** `material`: the title of the one just finished. */
  | { state: "running"; done: number; total: number; material: string }
  | { state: "done"; id: string; files: DownloadEntry[]; pack: string; warnings: string[] }
  | { state: "failed"; error: string; hint?: string; problems: { path: string; message: string }[] };

const size = (bytes: number) => (bytes > 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1).replace(".", ",")} MB` : `${Math.max(1, Math.round(bytes / 1024))} kB`);
const pages = (n?: number) => (n === undefined ? "" : n === 1 ? "1 side, " : `${n} sider, `);

export function BuildPanel(props: { build: BuildState; info?: Info; errors: [string, string][]; onBuild: () => void }) {
  const { build } = props;
  const busy = build.state === "queued" || build.state === "running";
  return (
    <section className="build" aria-labelledby="build-title">
      <h2 id="build-title">Byg pakken</h2>
      {props.errors.length > 0 && (
        <div className="error-summary" role="alert" aria-labelledby="error-summary-title">
          <h3 id="error-summary-title">Ret {props.errors.length === 1 ? "dette felt" : `disse ${props.errors.length} felter`}, før pakken kan bygges</h3>
          <ul>
            {props.errors.map(([path, message]) => (
              <li key={path}>
                <a href={`#${fieldId(path)}`}>
                  {nameOf(path, props.info)}: {message}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <p className="hint">Pakken bygges på denne computer. Det tager typisk et halvt minut.</p>
      {/* Not disabled while building: a disabled button loses the focus, and keyboard users their place. */}
      <button type="button" className="button button--primary" onClick={() => !busy && props.onBuild()} aria-disabled={busy || undefined} aria-describedby={busy ? "build-progress-label" : undefined}>
        Byg pakken
      </button>
      {busy && (
        <div className="progress">
          <label htmlFor="build-progress" id="build-progress-label" className="label">
            {build.state === "queued" ? (build.ahead > 0 ? `I kø: ${build.ahead} ${build.ahead === 1 ? "pakke" : "pakker"} før jeres` : "Starter …") : `${build.done} af ${build.total} færdige: ${build.material}`}
          </label>
          <progress id="build-progress" max={build.state === "running" ? build.total : 1} value={build.state === "running" ? build.done : 0} />
        </div>
      )}
      {build.state === "failed" && (
        <div className="error-summary" role="alert">
          <h3>Pakken kunne ikke bygges</h3>
          <p>{build.problems.length > 0 ? "Ret dette, og byg igen:" : build.error}</p>
          {build.problems.length > 0 && (
            <ul>
              {build.problems.map((p) => (
                <li key={p.path + p.message}>
                  <a href={`#${fieldId(p.path)}`}>
                    {nameOf(p.path, props.info)}: {p.message}
                  </a>
                </li>
              ))}
            </ul>
          )}
          {build.hint && <p className="hint">{build.hint}</p>}
        </div>
      )}
      {build.state === "done" && <Downloads {...build} info={props.info} />}
    </section>
  );
}

const PRINT_LIST = "printliste.pdf";

function Downloads(props: Extract<BuildState, { state: "done" }> & { info?: Info }) {
  const url = (file: string) => `/api/builds/${props.id}/files/${encodeURIComponent(file)}`;
  const pack = props.files.find((f) => f.file === props.pack);
  const list = props.files.find((f) => f.file === PRINT_LIST);
  const materials = props.files.filter((f) => f.file !== props.pack && f.file !== PRINT_LIST && f.file.endsWith(".pdf"));
  const word = props.files.filter((f) => f.file.endsWith(".docx"));
  return (
    <div className="downloads" role="status">
      <p className="success">Pakken er klar.</p>
      <ul className="download-main">
        {pack && (
          <li>
            <a className="button button--primary" href={url(pack.file)} download>
              Hent den samlede pakke (PDF)
            </a>
            <span className="meta">
              {pack.file} · {pages(pack.pages)}
              {size(pack.bytes)}
            </span>
          </li>
        )}
        {list && (
          <li>
            <a className="button button--secondary" href={url(list.file)} download data-download="print-list">
              Hent printlisten (PDF)
            </a>
            <span className="meta">
              {list.file} · {pages(list.pages)}
              {size(list.bytes)} · hvad der skal printes, hvor mange gange og på hvilket papir
            </span>
          </li>
        )}
        <li>
          <a className="button button--secondary" href={`/api/builds/${props.id}/zip`} download data-download="zip">
            Hent alt som zip-fil
          </a>
          <span className="meta">Alle filer og manifest.json med kontrolsummer til trykkeriet</span>
        </li>
      </ul>
      <h3>Hvert materiale for sig</h3>
      <ul className="download-list">
        {materials.map((f) => (
          <li key={f.file}>
            <a href={url(f.file)} download>
              {f.title}
            </a>
            <span className="meta">
              {f.file} · {pages(f.pages)}
              {size(f.bytes)}
            </span>
          </li>
        ))}
      </ul>
      {word.length > 0 && (
        <>
          <h3>Word-filer, som I kan rette i</h3>
          <ul className="download-list" data-download="word">
            {word.map((f) => (
              <li key={f.file}>
                <a href={url(f.file)} download>
                  {f.title} (Word)
                </a>
                <span className="meta">
                  {f.file} · {size(f.bytes)}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      {props.warnings.length > 0 && (
        <details className="warnings">
          <summary>{props.warnings.length === 1 ? "1 bemærkning" : `${props.warnings.length} bemærkninger`} til pakken</summary>
          <ul>
            {props.warnings.map((w) => (
              <li key={w}>{warningText(w, props.info)}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
