import { useState } from 'preact/hooks';
import { type Connection, connectionsApi } from '../../api/connections';
import { ErrorNote } from '../../components/ErrorNote';
import { Field } from '../../components/Field';
import { useSubmit } from '../../components/use-submit';
import { platformInfo } from './platforms';

type Props = { connection: Connection; onReconnected: (connection: Connection) => void };

/** A broken API-key connection takes a new key in place: its mappings and named places stay. */
export function ReconnectKeyForm({ connection, onReconnected }: Props) {
  const info = platformInfo(connection.platform);
  const [apiKey, setApiKey] = useState('');
  const { submit, busy, error } = useSubmit(async () => {
    const answer = await connectionsApi.reconnect(connection.id, apiKey.trim());
    setApiKey('');
    if (answer.connection) onReconnected(answer.connection);
    return answer;
  });
  return (
    <form onSubmit={submit} aria-label={`Reconnect ${info.name}`}>
      <Field
        label={`New ${info.name} API key`}
        name={`reconnect-${connection.id}`}
        type="password"
        autoComplete="off"
        required
        minLength={8}
        maxLength={500}
        value={apiKey}
        onValue={setApiKey}
      />
      <button type="submit" disabled={busy}>
        Reconnect {info.name}
      </button>
      <ErrorNote error={error} />
    </form>
  );
}
