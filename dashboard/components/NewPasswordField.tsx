import { Field, PASSWORD } from './Field';

type Props = { label: string; name: string; value: string; onValue: (value: string) => void };

/** A field that sets a password: the browser may suggest one, and the server's 10–200 rule is checked first. */
export function NewPasswordField(props: Props) {
  return (
    <Field
      type="password"
      autoComplete="new-password"
      required
      minLength={PASSWORD.minLength}
      maxLength={PASSWORD.maxLength}
      hint={PASSWORD.hint}
      {...props}
    />
  );
}
