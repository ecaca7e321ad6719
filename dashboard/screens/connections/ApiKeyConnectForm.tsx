import { useState } from 'preact/hooks';
import { type ApiKeyInput, type Connection, connectionsApi, type Platform } from '../../api/connections';
import { ErrorNote } from '../../components/ErrorNote';
import { Field } from '../../components/Field';
import { useSubmit } from '../../components/use-submit';
import { PlaceFields, placeInput, placeValues } from './PlaceFields';
import { PLATFORMS, platformInfo } from './platforms';

type Props = { platform: Platform; onPlatform: (p: Platform) => void; onConnected: (c: Connection) => void };

/** Yelp and Tripadvisor connect with an API key and the places to watch; what they cannot give is said first. */
export function ApiKeyConnectForm({ platform, onPlatform, onConnected }: Props) {
  const info = platformInfo(platform);
  const [apiKey, setApiKey] = useState('');
  const [places, setPlaces] = useState(placeValues(undefined));
  const { submit, busy, error } = useSubmit(async () => {
    const body: ApiKeyInput = { apiKey: apiKey.trim(), ...placeInput(places, info, false) };
    const connection = await connectionsApi.connectKey(platform, body);
    setApiKey('');
    setPlaces(placeValues(undefined));
    onConnected(connection);
    return connection;
  });
  return (
    <form class="panel" id="key-connect" onSubmit={submit} aria-labelledby="key-title">
      <h2 id="key-title">Connect with an API key</h2>
      <fieldset class="toggles">
        <legend>Platform</legend>
        {PLATFORMS.filter((p) => p.auth === 'key').map((p) => (
          <label key={p.id} class="check">
            <input
              type="radio"
              name="keyPlatform"
              value={p.id}
              checked={platform === p.id}
              onChange={() => onPlatform(p.id)}
            />
            <span>{p.name}</span>
          </label>
        ))}
      </fieldset>
      <p class="limit" data-testid="platform-limit">
        {info.limit}
      </p>
      <Field
        label={`${info.name} API key`}
        name="apiKey"
        type="password"
        autoComplete="off"
        required
        minLength={8}
        maxLength={500}
        hint={info.keyHelp}
        value={apiKey}
        onValue={setApiKey}
      />
      <PlaceFields info={info} values={places} onValues={setPlaces} idPrefix="f" />
      <button type="submit" disabled={busy}>
        Connect {info.name}
      </button>
      <ErrorNote error={error} />
    </form>
  );
}
