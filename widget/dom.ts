// The widget builds DOM directly instead of shipping a renderer: Preact + hooks alone would take more than half
// of the 10 KB budget. Text always goes in as text nodes, never as HTML.
export type Child = Node | string | number | null | undefined | false | Child[];
type Props = Record<string, unknown> | null;

const SVG = /^(svg|circle|text)$/;

/** `h('p', { class: 'tx' }, review.content)` → <p class="tx">…text…</p>. `on*` props are listeners, `style` is an object. */
export function h(tag: string, props?: Props, ...children: Child[]): HTMLElement {
  const el = SVG.test(tag)
    ? (document.createElementNS('http://www.w3.org/2000/svg', tag) as unknown as HTMLElement)
    : document.createElement(tag);
  for (const key in props) {
    const value = props[key];
    if (value == null || value === false) continue;
    if (key.startsWith('on')) el.addEventListener(key.slice(2).toLowerCase(), value as EventListener);
    // Through the CSSOM rather than a style attribute, which a strict host CSP (style-src) would block.
    else if (key === 'style')
      for (const [name, v] of Object.entries(value as object)) el.style.setProperty(name, v);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

/** Appends children, flattening arrays and skipping empty ones; strings become text nodes. */
export function append(parent: Node & ParentNode, children: Child[]): void {
  for (const child of children) {
    if (Array.isArray(child)) append(parent, child);
    else if (child != null && child !== false) parent.append(child instanceof Node ? child : String(child));
  }
}
