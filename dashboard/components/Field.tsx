import type { JSX } from 'preact';

type Props = JSX.InputHTMLAttributes<HTMLInputElement> & {
  label: string;
  hint?: string;
  onValue: (value: string) => void;
};

/** A labelled input; the hint is tied to it with aria-describedby. */
export function Field({ label, hint, onValue, id, ...input }: Props) {
  const fieldId = id ?? `f-${String(input.name)}`;
  return (
    <div class="field">
      <label for={fieldId}>{label}</label>
      <input
        id={fieldId}
        aria-describedby={hint ? `${fieldId}-hint` : undefined}
        onInput={(e) => onValue(e.currentTarget.value)}
        {...input}
      />
      {hint && (
        <small id={`${fieldId}-hint`} class="muted">
          {hint}
        </small>
      )}
    </div>
  );
}

/** Password rules shared by every form that sets one (the server checks the same: 10–200 characters). */
export const PASSWORD = { minLength: 10, maxLength: 200, hint: 'At least 10 characters.' } as const;
