type Props = {
  name: string;
  label: string;
  error?: string;
  multiline?: boolean;
  type?: 'text' | 'email' | 'tel';
  autoComplete?: string;
  maxLength?: number;
  required?: boolean;
  value?: string;
};

/** A labelled input or textarea whose error is announced with it (aria-describedby). */
export function Field({ name, label, error, multiline, type = 'text', ...rest }: Props) {
  const id = `f-${name}`;
  const common = {
    id,
    name,
    maxLength: rest.maxLength,
    required: rest.required,
    value: rest.value,
    'aria-invalid': error ? ('true' as const) : undefined,
    'aria-describedby': error ? `${id}-err` : undefined,
  };
  return (
    <div>
      <label for={id}>{label}</label>
      {multiline ? (
        <textarea {...common} />
      ) : (
        <input {...common} type={type} autoComplete={rest.autoComplete} />
      )}
      {error && (
        <p class="err" id={`${id}-err`}>
          {error}
        </p>
      )}
    </div>
  );
}

/** A checkbox with its label beside it; the whole row is the tap target. */
export function Check({
  name,
  label,
  error,
  checked,
}: {
  name: string;
  label: string;
  error?: string;
  checked?: boolean;
}) {
  const id = `f-${name}`;
  return (
    <div>
      <label class="check" for={id}>
        <input
          type="checkbox"
          id={id}
          name={name}
          value="yes"
          checked={checked}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? `${id}-err` : undefined}
        />
        <span>{label}</span>
      </label>
      {error && (
        <p class="err" id={`${id}-err`}>
          {error}
        </p>
      )}
    </div>
  );
}

/** Invisible to people (display:none), filled in by form-stuffing bots; the server drops such posts. */
export function Honeypot() {
  return (
    <div class="hp">
      <label for="f-website">Website</label>
      <input id="f-website" name="website" type="text" tabIndex={-1} autoComplete="off" />
    </div>
  );
}
