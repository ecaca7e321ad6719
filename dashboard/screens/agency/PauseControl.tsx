type Props = { name: string; pausedAt: string | null; onPause: (paused: boolean) => void };

/** An organization's sending state and the switch: paused holds its messages (they go out after resuming). */
export function PauseControl({ name, pausedAt, onPause }: Props) {
  if (pausedAt) {
    return (
      <span class="pause-state">
        <strong data-testid="paused">Paused: messages wait</strong>
        <span class="muted">
          {' '}
          since {new Date(pausedAt).toLocaleDateString(undefined, { dateStyle: 'medium' })}
        </span>{' '}
        <button type="button" onClick={() => onPause(false)}>
          Resume {name}
        </button>
      </span>
    );
  }
  return (
    <span class="pause-state">
      Sending{' '}
      <button
        type="button"
        class="ghost"
        onClick={() =>
          confirm(
            `Pause ${name}? Its review requests and reminders wait (nothing is lost) until you resume; everything else keeps working.`,
          ) && onPause(true)
        }
      >
        Pause {name}
      </button>
    </span>
  );
}
