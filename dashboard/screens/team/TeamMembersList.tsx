import type { Role, TeamMember } from '../../api';

export const ROLES: Role[] = ['owner', 'manager', 'staff'];

type Props = {
  members: TeamMember[];
  admin: boolean;
  self: string | undefined;
  onRole: (userId: string, role: Role) => void;
  onRemove: (userId: string) => void;
};

/** Members with their role: a select and a remove button for owners, plain text for everyone else. */
export function TeamMembersList({ members, admin, self, onRole, onRemove }: Props) {
  return (
    <ul class="sessions panel" aria-label="Members">
      {members.map((m) => (
        <li key={m.userId}>
          <span>
            <strong>{m.name}</strong> · {m.email}
            {m.userId === self ? ' (you)' : ''}
          </span>
          {admin ? (
            <span class="actions">
              <label class="switch">
                <span>Role of {m.name}</span>
                <select value={m.role} onChange={(e) => onRole(m.userId, e.currentTarget.value as Role)}>
                  {ROLES.map((r) => (
                    <option key={r} value={r}>
                      {r}
                    </option>
                  ))}
                </select>
              </label>
              <button
                type="button"
                class="danger"
                onClick={() => confirm(`Remove ${m.name} from the organization?`) && onRemove(m.userId)}
              >
                Remove {m.name}
              </button>
            </span>
          ) : (
            <span>{m.role}</span>
          )}
        </li>
      ))}
    </ul>
  );
}
