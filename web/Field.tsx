// One labelled field: label above, hint below the label, the message (if any) above the input.
import type { ReactNode } from "react";

export const fieldId = (path: string) => `f-${path.replace(/[^A-Za-z0-9]+/g, "-")}`;

/** A field's message, read out when it appears; `${id}-error` is what the input's aria-describedby names. */
export function ErrorMessage({ id, error }: { id: string; error?: string }) {
  if (!error) return null;
  return (
    <p id={`${id}-error`} className="error-message" role="alert">
      <span className="visually-hidden">Fejl: </span>
      {error}
    </p>
  );
}

export function Field(props: { path: string; label: string; hint?: string; error?: string; children: (aria: { id: string; "aria-describedby"?: string; "aria-invalid"?: boolean }) => ReactNode }) {
  const id = fieldId(props.path);
  const described = [props.hint ? `${id}-hint` : "", props.error ? `${id}-error` : ""].filter(Boolean).join(" ");
  return (
    <div className={`field${props.error ? " field--error" : ""}`} data-field={props.path}>
      <label htmlFor={id} className="label">
        {props.label}
      </label>
      {props.hint && (
        <p id={`${id}-hint`} className="hint">
          {props.hint}
        </p>
      )}
      <ErrorMessage id={id} error={props.error} />
      {props.children({ id, "aria-describedby": described || undefined, "aria-invalid": props.error ? true : undefined })}
    </div>
  );
}
