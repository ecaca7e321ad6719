import { me } from '../../state/session';

/** Whether the signed-in person holds `scope` in the acting organization (the server checks it again). */
export const can = (scope: string): boolean => me.value?.scopes.includes(scope) === true;
