// The page: one column of fields, the preview beside it, and the build below the fields.
import { useEffect, useMemo, useRef, useState } from "react";
import { profileYaml } from "../src/serve/profileYaml.js";
import { getInfo, RefusedError, startBuild, uploadLogo, type Info, type Problem } from "./api.js";
import { slug } from "../src/slug.js";
import { WorkshopSection, workshopRequest, workshopView } from "./WorkshopSection.js";
import { BuildPanel, type BuildState } from "./BuildPanel.js";
import { colourWarnings } from "./contrast.js";
import { EMPTY_DRAFT, forgetBuild, fromProfile, keepLogoFile, keptLogoFile, loadDraft, rememberBuild, rememberedBuild, saveDraft, toSavedProfile, type Draft } from "./draft.js";
import { Field } from "./Field.js";
import { HINTS } from "./fields.js";
import { CardsSection, ContactsSection, FilmsSection } from "./Sections.js";
import { LogoField } from "./LogoField.js";
import { PreviewPanel } from "./PreviewPanel.js";
import { usePreview } from "./usePreview.js";
import { useLiveCheck, validateDraft } from "./validate.js";
import { readProfileFile } from "./danish.js";
import { ResultsPanel } from "./ResultsPanel.js";


export function App() {
  const [draft, setDraft] = useState<Draft>(loadDraft);
  const [touched, setTouched] = useState<Set<string>>(() => new Set(draft.company ? ["*"] : []));
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [info, setInfo] = useState<Info>();
  const [logoBusy, setLogoBusy] = useState(false);
  const [notice, setNotice] = useState<string>();
  const openInput = useRef<HTMLInputElement>(null);
  const [tab, setTab] = useState(() => (location.hash === "#resultater" ? "results" : "pack"));
  useEffect(() => {
    const follow = () => setTab(location.hash === "#resultater" ? "results" : "pack");
    addEventListener("hashchange", follow);
    return () => removeEventListener("hashchange", follow);
  }, []);

  const errors = useMemo(() => validateDraft(draft), [draft]);
  const [build, setBuild] = useState<BuildState>({ state: "idle" });
  // Once built, the files' pages give the print list its sheets of paper.
  const builtPages = useMemo(() => (build.state === "done" ? Object.fromEntries(build.files.flatMap((f) => (f.pages === undefined ? [] : [[f.file.replace(/\.pdf$/, ""), f.pages]]))) : undefined), [build]);
  const workshop = useMemo(() => workshopView(info, draft, builtPages), [info, draft, builtPages]);
  // What stops a build: the profile's problems, and the workshop's when one is chosen (the preview needs only the profile).
  const buildErrors = useMemo(() => (draft.workshop.on ? { ...errors, ...workshop.errors } : errors), [errors, workshop, draft.workshop.on]);
  // What the whole toolkit finds (the help card's fit, the card size, the decks) is shown as one types;
  // a field's own problem once one has left the field.
  const checked = useLiveCheck(draft, errors);
  const shown = (path: string) => serverErrors[path] ?? (touched.has("*") || touched.has(path) ? buildErrors[path] : undefined) ?? checked[path];
  const update = (_path: string, change: (d: Draft) => Draft) => {
    setDraft(change);
    setServerErrors({});
  };
  const leave = (target: EventTarget) => {
    const path = (target as HTMLElement).closest?.("[data-field]")?.getAttribute("data-field");
    if (path) setTouched((t) => (t.has(path) ? t : new Set(t).add(path)));
  };

  useEffect(() => saveDraft(draft), [draft]);
  useEffect(() => {
    void getInfo().then(setInfo, () => setNotice("Serveren svarer ikke. Er workshopkit serve stoppet?"));
  }, []);

  // A reload keeps the logo: the file is in IndexedDB and is sent again (the server may have restarted).
  const reupload = async () => {
    const file = await keptLogoFile();
    if (!file || !draft.logo) return false;
    const uploaded = await uploadLogo(file);
    setDraft((d) => (d.logo ? { ...d, logo: { ...d.logo, id: uploaded.id, src: uploaded.src, suggestion: uploaded.suggestion, warnings: uploaded.warnings } } : d));
    return true;
  };
  useEffect(() => {
    if (draft.logo && !draft.logo.src) void reupload().catch(() => setDraft((d) => ({ ...d, logo: undefined })));
  }, []);

  const preview = usePreview(draft, errors, {
    onProblems: (problems) => setServerErrors(problemsByField(problems)),
    onLogoUnknown: () => void reupload(),
  });

  const chooseLogo = async (file: File) => {
    if (info && file.size > info.maxUploadBytes) {
      setServerErrors({ logo: `Filen fylder ${(file.size / 1024 / 1024).toFixed(1).replace(".", ",")} MB. Logoet må højst fylde ${info.maxUploadBytes / 1024 / 1024} MB.` });
      return;
    }
    setLogoBusy(true);
    try {
      const uploaded = await uploadLogo(file);
      await keepLogoFile(file).catch(() => undefined);
      update("logo", (d) => ({ ...d, logoWanted: undefined, logo: { id: uploaded.id, name: file.name, src: uploaded.src, suggestion: uploaded.suggestion, warnings: uploaded.warnings } }));
      setTouched((t) => new Set(t).add("logo"));
    } catch (err) {
      const message = err instanceof RefusedError ? [err.refusal.error, ...err.refusal.problems.map((p) => p.message)].join(" ") : "Logoet kunne ikke sendes.";
      setServerErrors({ logo: message });
    } finally {
      setLogoBusy(false);
    }
  };

  /** Follows a build's events; `reopened`: one remembered from before a reload, forgotten quietly if the server has let it go. */
  const follow = (id: string, reopened = false) => {
    const events = new EventSource(`/api/builds/${id}/events`);
    let heard = false;
    const on = (type: string, handle: (data: any) => void) =>
      events.addEventListener(type, (e) => {
        heard = true;
        handle(JSON.parse((e as MessageEvent).data));
      });
    on("queued", (q) => setBuild({ state: "queued", ahead: q.ahead }));
    on("progress", (p) => {
      const title = p.done === p.total ? "den samlede pakke" : (info?.materials.find((m) => m.id === p.material)?.title ?? p.material);
      setBuild({ state: "running", done: p.done, total: p.total, material: title });
    });
    on("done", (d) => {
      events.close();
      setBuild({ state: "done", id, files: d.files, pack: d.pack, warnings: d.warnings });
    });
    on("failed", ({ problem }) => {
      events.close();
      setBuild({ state: "failed", ...problem });
      setServerErrors(problemsByField(problem.problems));
    });
    events.onerror = () => {
      events.close();
      if (reopened && !heard) {
        forgetBuild(); // the server has restarted, or has let this build go
        return setBuild((b) => (b.state === "done" ? b : { state: "idle" }));
      }
      setBuild((b) => (b.state === "done" || b.state === "failed" ? b : { state: "failed", error: "Forbindelsen til serveren blev afbrudt. Byg igen.", problems: [] }));
    };
  };

  // After a reload, the last build's downloads (or its progress) while the server keeps them.
  useEffect(() => {
    const id = rememberedBuild();
    if (id) follow(id, true);
  }, []);

  const runBuild = async () => {
    setTouched(new Set(["*"]));
    if (Object.keys(buildErrors).length > 0) {
      setBuild({ state: "idle" });
      requestAnimationFrame(() => document.querySelector<HTMLElement>(".build .error-summary a")?.focus());
      return;
    }
    setBuild({ state: "queued", ahead: 0 });
    try {
      const { id, ahead } = await startBuild(draft, workshopRequest(draft));
      rememberBuild(id);
      setBuild({ state: "queued", ahead });
      follow(id);
    } catch (err) {
      if (err instanceof RefusedError && err.refusal.code === "serve.logoUnknown" && (await reupload().catch(() => false))) return void runBuild();
      const refusal = err instanceof RefusedError ? err.refusal : { error: "Serveren svarer ikke.", problems: [] as Problem[] };
      setBuild({ state: "failed", error: refusal.error, problems: refusal.problems });
      setServerErrors(problemsByField(refusal.problems));
    }
  };

  const saveProfile = () => {
    // The logo line names the file as chosen: saved beside it, the profile builds with the CLI.
    const blob = new Blob([profileYaml(toSavedProfile(draft))], { type: "text/yaml;charset=utf-8" });
    const name = draft.company.trim() ? `${slug(draft.company)}.yaml` : "profil.yaml";
    const a = Object.assign(document.createElement("a"), { href: URL.createObjectURL(blob), download: name });
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  };

  const openProfile = async (file: File) => {
    // Read as the CLI reads it: a broken file, or an unquoted #colour, is said in Danish.
    const { raw, errors: fileErrors, problem } = readProfileFile(await file.text());
    if (!raw) {
      setNotice(`»${file.name}« kan ikke åbnes som profil. ${problem ?? ""}`.trim());
      return;
    }
    await keepLogoFile(undefined).catch(() => undefined);
    const opened = fromProfile(raw, draft);
    setDraft(opened);
    setTouched(new Set(["*"]));
    setServerErrors(fileErrors);
    const problems = Object.keys({ ...validateDraft(opened), ...fileErrors }).length;
    setNotice(`Profilen »${file.name}« er indlæst.${problems === 0 ? "" : problems === 1 ? " Et felt har en fejl; det er markeret." : ` ${problems} felter har fejl; de er markeret.`}`);
  };

  const unknownFields = Object.entries(errors).filter(([path]) => !isFormField(path));
  const warnings = colourWarnings(draft.colour.trim());
  // The form's own problems; what the server found is listed where the build failed.
  const summary = Object.entries(buildErrors);

  return (
    <>
      <header className="site-header">
        <div className="site-header-inner">
          <p className="site-name">workshopkit</p>
          <p className="site-tagline">{info?.title ?? "Fællesskaber Skaber Mental Sundhed"}</p>
        </div>
        <nav className="site-tabs" aria-label="Sider">
          <a href="#" aria-current={tab === "pack" ? "page" : undefined}>Pakken</a>
          <a href="#resultater" aria-current={tab === "results" ? "page" : undefined}>Resultater</a>
        </nav>
      </header>
      {tab === "results" && <ResultsPanel draft={draft} profileErrors={errors} />}
      <main className="layout" hidden={tab === "results"}>
        <div className="form-column">
          <h1>Lav jeres egen pakke</h1>
          <p className="lead">
            Udfyld virksomhedens oplysninger. Forhåndsvisningen <span className="wide-only">til højre</span>
            <span className="narrow-only">nederst på siden</span> viser, hvordan materialerne bliver. Når I er klar, bygger I pakken og henter PDF-filerne.
          </p>
          <p className="narrow-only skip">
            <a href="#preview-title">Gå til forhåndsvisningen</a>
          </p>
          <div className="toolbar">
            <button type="button" className="button button--secondary" onClick={() => openInput.current?.click()}>
              Åbn profil
            </button>
            <button type="button" className="button button--secondary" onClick={saveProfile}>
              Gem profil
            </button>
            <button
              type="button"
              className="button button--link"
              onClick={() => {
                if (!confirm("Vil I rydde formularen? Det, I har skrevet, forsvinder.")) return;
                void keepLogoFile(undefined).catch(() => undefined);
                setDraft(EMPTY_DRAFT);
                setTouched(new Set());
                setServerErrors({});
                preview.clear();
                setBuild({ state: "idle" });
                forgetBuild();
              }}
            >
              Ryd formularen
            </button>
            <input
              ref={openInput}
              type="file"
              accept=".yaml,.yml,.json"
              className="visually-hidden"
              tabIndex={-1}
              aria-hidden="true"
              aria-label="Åbn profil"
              data-testid="open-profile"
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) void openProfile(file);
                e.target.value = "";
              }}
            />
          </div>
          {notice && (
            <p className="notice" role="status">
              {notice}
            </p>
          )}
          {unknownFields.length > 0 && (
            <div className="error-summary" role="alert">
              <h3>Profilen har felter, formularen ikke kender</h3>
              <ul>
                {unknownFields.map(([path, message]) => (
                  <li key={path}>
                    {path}: {message}
                  </li>
                ))}
              </ul>
            </div>
          )}

          {shown("") && (
            <p className="notice" role="alert" data-field="">
              {shown("")}
            </p>
          )}
          <form onSubmit={(e) => e.preventDefault()} onBlur={(e) => leave(e.target)} noValidate>
            <fieldset>
              <legend>Virksomheden</legend>
              <Field path="company" label="Virksomhedens navn" hint={HINTS.company} error={shown("company")}>
                {(aria) => <input {...aria} className="input" type="text" autoComplete="organization" value={draft.company} onChange={(e) => update("company", (d) => ({ ...d, company: e.target.value }))} />}
              </Field>
              <LogoField
                logo={draft.logo}
                wanted={draft.logoWanted}
                error={shown("logo")}
                busy={logoBusy}
                onFile={(f) => void chooseLogo(f)}
                onRemove={() => {
                  void keepLogoFile(undefined).catch(() => undefined);
                  update("logo", (d) => ({ ...d, logo: undefined }));
                }}
              />
              <Field path="colour" label="Farve" hint={HINTS.colour} error={shown("colour")}>
                {(aria) => (
                  <div className="colour-row">
                    <input type="color" className="colour-swatch" aria-label="Vælg farve" value={/^#[0-9a-fA-F]{6}$/.test(draft.colour) ? draft.colour : "#000000"} onChange={(e) => update("colour", (d) => ({ ...d, colour: e.target.value.toUpperCase() }))} />
                    <input {...aria} className="input input--short" type="text" spellCheck={false} value={draft.colour} onChange={(e) => update("colour", (d) => ({ ...d, colour: e.target.value }))} />
                    {draft.logo?.suggestion && draft.logo.suggestion.toUpperCase() !== draft.colour.toUpperCase() && (
                      <button type="button" className="button button--secondary" onClick={() => update("colour", (d) => ({ ...d, colour: d.logo!.suggestion! }))}>
                        <span className="chip" style={{ background: draft.logo.suggestion }} aria-hidden="true" />
                        Brug logoets farve {draft.logo.suggestion}
                      </button>
                    )}
                  </div>
                )}
              </Field>
              {warnings.length > 0 && (
                <div className="warning" role="status" data-testid="contrast-warning">
                  {warnings.map((w) => (
                    <p key={w}>{w}</p>
                  ))}
                </div>
              )}
              <fieldset className="radios" data-field="paper">
                <legend className="label">Papir</legend>
                <p className="hint">{HINTS.paper}</p>
                {(["A4", "LETTER"] as const).map((paper) => (
                  <label key={paper} className="radio">
                    <input type="radio" name="paper" value={paper} checked={draft.paper === paper} onChange={() => update("paper", (d) => ({ ...d, paper }))} />
                    {paper === "A4" ? "A4" : "US Letter"}
                  </label>
                ))}
              </fieldset>
            </fieldset>

            <ContactsSection draft={draft} shown={shown} update={update} />
            <FilmsSection films={info?.films ?? []} draft={draft} shown={shown} update={update} />
            <CardsSection draft={draft} shown={shown} update={update} />
            <WorkshopSection info={info} draft={draft} view={workshop} shown={shown} update={update} />
          </form>

          <BuildPanel build={build} info={info} errors={touched.has("*") ? summary : []} onBuild={() => void runBuild()} />
        </div>
        <div className="preview-column">
          <PreviewPanel pages={preview.pages} state={preview.state} message={preview.message} enlarge={preview.enlarge} />
        </div>
      </main>
      <footer className="site-footer">
        <p>workshopkit kører på denne computer. Intet sendes andre steder hen.</p>
      </footer>
    </>
  );
}

const FORM_FIELD = /^(company|logo|colour|paper|contacts\.(hr|amr|tr|counselling|psychologist|sickLeaveAdvice)\.(name|phone|email|hours)|films\..+|cards\.(cardSize|duplex|blankCards))$/;
const isFormField = (path: string) => FORM_FIELD.test(path);

function problemsByField(problems: Problem[]): Record<string, string> {
  const byField: Record<string, string> = {};
  for (const p of problems) byField[p.path] ??= p.message;
  return byField;
}

