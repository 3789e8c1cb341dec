// The live preview: the branded pages as the build draws them, small.
import type { PreviewPage } from "./api.js";

export function PreviewPanel(props: { pages: PreviewPage[]; state: "idle" | "loading" | "error" | "waiting"; message?: string }) {
  return (
    <section className="preview" aria-labelledby="preview-title" aria-busy={props.state === "loading"}>
      <div className="preview-head">
        <h2 id="preview-title">Forhåndsvisning</h2>
        <p className="preview-status" role="status">
          {props.state === "loading" ? "Opdaterer …" : props.state === "waiting" || props.state === "error" ? props.message : "Sådan bliver siderne."}
        </p>
      </div>
      <div className="preview-grid">
        {props.pages.map((page) => (
          <figure key={page.key} className="preview-page" data-page={page.key}>
            <img src={page.src} alt={page.label} />
            <figcaption>{page.label}</figcaption>
          </figure>
        ))}
      </div>
    </section>
  );
}
