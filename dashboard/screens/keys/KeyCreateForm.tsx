import { useState } from 'preact/hooks';
import type { ApiKey } from '../../api/settings';
import { settingsApi } from '../../api/settings';
import { ErrorNote } from '../../components/ErrorNote';
import { Field } from '../../components/Field';
import { useSubmit } from '../../components/use-submit';
import { groupScopes, preselected } from './scope-groups';

type Props = { held: string[]; live: boolean; onCreated: (key: ApiKey & { secret: string }) => void };

/** Name, mode and scopes of a new key; only what the signed-in person holds is offered (the server checks). */
export function KeyCreateForm({ held, live, onCreated }: Props) {
  const [name, setName] = useState('');
  const [mode, setMode] = useState<'live' | 'test'>(live ? 'live' : 'test');
  const [scopes, setScopes] = useState<string[]>(() => preselected(held));
  const toggle = (scope: string, on: boolean) =>
    setScopes((now) => (on ? [...now, scope] : now.filter((s) => s !== scope)));
  const { submit, busy, error } = useSubmit(async () => {
    const key = await settingsApi.createKey({ name: name.trim(), mode, scopes });
    setName('');
    onCreated(key);
    return key;
  });
  return (
    <form class="panel" onSubmit={submit} aria-labelledby="new-key-title">
      <h2 id="new-key-title">Create a key</h2>
      <Field
        label="Name"
        name="keyName"
        required
        maxLength={100}
        value={name}
        onValue={setName}
        hint="Say what uses it, e.g. “Website CRM sync”."
      />
      <fieldset class="toggles">
        <legend>Mode</legend>
        {live && (
          <label class="check">
            <input type="radio" name="mode" checked={mode === 'live'} onChange={() => setMode('live')} />
            <span>Live: sends real messages</span>
          </label>
        )}
        <label class="check">
          <input type="radio" name="mode" checked={mode === 'test'} onChange={() => setMode('test')} />
          <span>Test: same data, never sends a real message</span>
        </label>
      </fieldset>
      <fieldset class="toggles scopes">
        <legend>Scopes</legend>
        {groupScopes(held).map((group) => (
          <fieldset key={group.resource} class="toggles">
            <legend class="muted">{group.resource}</legend>
            {group.scopes.map((scope) => (
              <label key={scope} class="check">
                <input
                  type="checkbox"
                  checked={scopes.includes(scope)}
                  onChange={(e) => toggle(scope, e.currentTarget.checked)}
                />
                <span>{scope}</span>
              </label>
            ))}
          </fieldset>
        ))}
      </fieldset>
      <button type="submit" disabled={busy || scopes.length === 0}>
        Create key
      </button>
      {scopes.length === 0 && <p class="muted">Choose at least one scope.</p>}
      <ErrorNote error={error} />
    </form>
  );
}
