import { me } from '../../state/session';
import { NotificationsForm } from './NotificationsForm';
import { PasswordForm } from './PasswordForm';
import { SessionsList } from './SessionsList';

/** The signed-in user: who they are, their password, the devices signed in as them. */
export function ProfilePage() {
  const user = me.value?.user;
  return (
    <section aria-labelledby="profile-title">
      <h1 id="profile-title">Profile</h1>
      {user && (
        <p>
          {user.name} · {user.email}
          {me.value?.role
            ? ` · ${me.value.role} of ${me.value.organization?.name ?? 'this organization'}`
            : ''}
          {user.instanceAdmin ? ' · instance admin' : ''}
        </p>
      )}
      <NotificationsForm />
      <PasswordForm />
      <SessionsList />
    </section>
  );
}
