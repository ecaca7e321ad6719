/** Scopes a new key gets unless unticked: as the server's default, everything but managing keys and people. */
export const preselected = (held: string[]): string[] =>
  held.filter((scope) => scope !== 'keys:admin' && scope !== 'team:admin');

/** `reviews:read`, `reviews:reply`… grouped under `reviews`, in the order they came. */
export function groupScopes(scopes: string[]): Array<{ resource: string; scopes: string[] }> {
  const groups = new Map<string, string[]>();
  for (const scope of scopes) {
    const resource = scope.split(':')[0];
    groups.set(resource, [...(groups.get(resource) ?? []), scope]);
  }
  return [...groups].map(([resource, list]) => ({ resource, scopes: list }));
}
