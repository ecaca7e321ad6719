/** Fills `{name}` placeholders; the result is text, rendered by Preact (which escapes it). */
export function format(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in vars ? String(vars[key]) : whole));
}
