import type { ComponentType } from 'preact';

/** JSON for an attribute or script: `<` escaped so no text can close the element it sits in. */
export function serializeProps(props: unknown): string {
  return JSON.stringify(props).replace(/</g, '\\u003c');
}

/** Server side of an island: the component's HTML inside a marker the client hydrates from. */
export function Island<P extends object>({
  name,
  component: Component,
  props,
}: {
  name: string;
  component: ComponentType<P>;
  props: P;
}) {
  return (
    <div data-island={name} data-props={serializeProps(props)}>
      <Component {...props} />
    </div>
  );
}
