// One labelled field: label above, hint below the label, the message (if any) above the input.
import type { ReactNode } from "react";

export const fieldId = (path: string) => `f-${path.replace(/[^A-Za-z0-9]+/g, "-")}`;

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
      {props.error && (
        <p id={`${id}-error`} className="error-message" role="alert">
          <span className="visually-hidden">Fejl: </span>
          {props.error}
        </p>
      )}
      {props.children({ id, "aria-describedby": described || undefined, "aria-invalid": props.error ? true : undefined })}
    </div>
  );
}
