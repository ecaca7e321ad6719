import { me } from './session';

/** Whether the signed-in person may do what `scope` allows in the acting organization. */
export const can = (scope: string): boolean =>
  me.value?.user?.instanceAdmin === true || (me.value?.scopes ?? []).includes(scope);
