// "Byg pakken": the build's progress, material by material, then the downloads.
import { fieldId } from "./Field.js";
import { fieldName } from "./fields.js";

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
  | { state: "done"; id: string; files: DownloadEntry[]; pack: string; warnings: { message: string }[] }
  | { state: "failed"; error: string; hint?: string; problems: { path: string; message: string }[] };

const size = (bytes: number) => (bytes > 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1).replace(".", ",")} MB` : `${Math.max(1, Math.round(bytes / 1024))} kB`);
const pages = (n?: number) => (n === undefined ? "" : n === 1 ? "1 side, " : `${n} sider, `);

export function BuildPanel(props: { build: BuildState; errors: [string, string][]; onBuild: () => void }) {
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
                  {fieldName(path)}: {message}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <p className="hint">Pakken bygges på denne computer. Det tager typisk et halvt minut.</p>
      <button type="button" className="button button--primary" onClick={props.onBuild} disabled={busy}>
        Byg pakken
      </button>
      {busy && (
        <div className="progress">
          <label htmlFor="build-progress" className="label">
            {build.state === "queued" ? (build.ahead > 0 ? `I kø: ${build.ahead} ${build.ahead === 1 ? "pakke" : "pakker"} før din` : "Starter …") : `${build.done} af ${build.total} færdige: ${build.material}`}
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
                    {fieldName(p.path)}: {p.message}
                  </a>
                </li>
              ))}
            </ul>
          )}
          {build.hint && <p className="hint">{build.hint}</p>}
        </div>
      )}
      {build.state === "done" && <Downloads {...build} />}
    </section>
  );
}

function Downloads(props: Extract<BuildState, { state: "done" }>) {
  const url = (file: string) => `/api/builds/${props.id}/files/${encodeURIComponent(file)}`;
  const pack = props.files.find((f) => f.file === props.pack);
  const materials = props.files.filter((f) => f.file !== props.pack && f.file.endsWith(".pdf"));
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
      {props.warnings.length > 0 && (
        <details className="warnings">
          <summary>{props.warnings.length === 1 ? "1 bemærkning" : `${props.warnings.length} bemærkninger`} fra byggeriet</summary>
          <ul>
            {props.warnings.map((w) => (
              <li key={w.message}>{w.message}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
