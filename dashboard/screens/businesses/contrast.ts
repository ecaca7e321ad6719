/** WCAG relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** The WCAG contrast ratio of white text on the colour, as landing page buttons draw it (1–21). */
export function contrastWithWhite(hex: string): number {
  return 1.05 / (luminance(hex) + 0.05);
}

/** A hint for the brand colour: whether white button text on it is readable (WCAG AA asks for 4.5:1). */
export function contrastHint(hex: string): string {
  const ratio = contrastWithWhite(hex);
  const shown = ratio.toFixed(1);
  return ratio >= 4.5
    ? `White text on it has a contrast of ${shown}:1 — readable (AA).`
    : `White text on it has a contrast of only ${shown}:1 — below the 4.5:1 AA asks for; pick a darker colour.`;
}
