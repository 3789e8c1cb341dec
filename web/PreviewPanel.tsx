// The live preview: the branded pages as the build draws them, small; one can be opened larger.
import { useEffect, useRef, useState } from "react";
import type { PreviewPage } from "./api.js";

export function PreviewPanel(props: { pages: PreviewPage[]; state: "idle" | "loading" | "error" | "waiting" | "example"; message?: string; enlarge: (key: string) => Promise<string | undefined> }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [large, setLarge] = useState<{ label: string; src?: string; failed?: boolean }>();
  useEffect(() => {
    if (large && !dialog.current?.open) dialog.current?.showModal();
  }, [large]);

  const open = (page: PreviewPage) => {
    setLarge({ label: page.label });
    props.enlarge(page.key).then(
      (src) => setLarge((l) => l && { ...l, src: src ?? page.src }),
      () => setLarge((l) => l && { ...l, src: page.src, failed: true }),
    );
  };

  return (
    <section className="preview" aria-labelledby="preview-title" aria-busy={props.state === "loading"}>
      <div className="preview-head">
        <h2 id="preview-title">Forhåndsvisning</h2>
        <p className="preview-status" role="status">
          {props.state === "loading" ? "Opdaterer …" : props.state === "waiting" || props.state === "error" || props.state === "example" ? props.message : "Sådan bliver siderne. Klik på en side for at se den større."}
        </p>
      </div>
      <div className="preview-grid">
        {props.pages.map((page) => (
          <figure key={page.key} className="preview-page" data-page={page.key}>
            <button type="button" className="preview-open" onClick={() => open(page)} aria-label={`Vis ${page.label.toLowerCase()} større`}>
              <img src={page.src} alt={page.label} />
            </button>
            <figcaption>{page.label}</figcaption>
          </figure>
        ))}
      </div>
      <dialog ref={dialog} className="preview-dialog" aria-labelledby="preview-dialog-title" onClose={() => setLarge(undefined)}>
        <div className="preview-dialog-head">
          <h2 id="preview-dialog-title">{large?.label}</h2>
          <button type="button" className="button button--secondary" onClick={() => dialog.current?.close()}>
            Luk
          </button>
        </div>
        {large?.src ? <img src={large.src} alt={large.label} /> : <p>Tegner siden større …</p>}
      </dialog>
    </section>
  );
}
