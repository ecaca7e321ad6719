/** A date as the reader's locale writes it, e.g. "12 Mar 2026". */
export function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}

/** A source id as people write it ("tripadvisor" → "Tripadvisor"). */
export const sourceLabel = (source: string): string => source.charAt(0).toUpperCase() + source.slice(1);
