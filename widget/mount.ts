import css from './widget.css?inline';

let shared: CSSStyleSheet | null | undefined;

// One constructed sheet shared by every widget on the page; browsers without constructable sheets get a <style>.
function applyStyles(root: ShadowRoot): void {
  if (shared === undefined) {
    try {
      shared = new CSSStyleSheet();
      shared.replaceSync(css);
    } catch {
      shared = null;
    }
  }
  if (shared && 'adoptedStyleSheets' in root) {
    root.adoptedStyleSheets = [shared];
  } else if (!root.querySelector('style')) {
    const style = document.createElement('style');
    style.textContent = css;
    root.prepend(style);
  }
}

/** Puts `node` in the host's open shadow root (reused on remount) and returns the function that takes it out. */
export function mountInShadow(host: HTMLElement, node: Node): () => void {
  const root = host.shadowRoot || host.attachShadow({ mode: 'open' });
  applyStyles(root);
  root.append(node);
  return () => node.parentNode?.removeChild(node);
}
