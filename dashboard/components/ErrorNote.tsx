import { ApiFailure } from '../api';

/** Says what went wrong, in an alert region; field details from a 400 are listed. */
export function ErrorNote({ error }: { error: unknown }) {
  if (!error) return null;
  const message = error instanceof Error ? error.message : String(error);
  const details = error instanceof ApiFailure ? Object.entries(error.details) : [];
  return (
    <div class="error" role="alert">
      <p>{message}</p>
      {error instanceof ApiFailure && error.code === 'USAGE_LIMIT_REACHED' && (
        <p>
          Nothing was sent. <a href="/dashboard/settings">See this month’s usage in Settings</a>.
        </p>
      )}
      {details.length > 0 && (
        <ul>
          {details.map(([field, text]) => (
            <li key={field}>
              {field}: {text}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
