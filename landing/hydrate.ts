import { type ComponentType, h, hydrate } from 'preact';

export type IslandRegistry = Record<string, ComponentType<any>>;

/** Hydrates every `[data-island]` not yet hydrated, from its JSON props; unknown names are left as HTML. */
export function hydrateIslands(registry: IslandRegistry, root: ParentNode = document): number {
  let count = 0;
  for (const element of root.querySelectorAll<HTMLElement>('[data-island]:not([data-hydrated])')) {
    const component = registry[element.dataset.island ?? ''];
    if (!component) {
      console.warn(`[plaudit] unknown island ${element.dataset.island}`);
      continue;
    }
    try {
      hydrate(h(component, JSON.parse(element.dataset.props ?? '{}')), element);
      element.dataset.hydrated = '';
      count += 1;
    } catch (error) {
      // The server HTML already works without JavaScript: keep it rather than break the page.
      console.warn('[plaudit] island failed to hydrate', error);
    }
  }
  return count;
}
