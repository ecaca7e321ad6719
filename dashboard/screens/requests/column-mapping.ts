import type { BulkRow } from '../../api/requests';

export const TARGETS = [
  { key: 'name', label: 'Full name' },
  { key: 'firstName', label: 'First name' },
  { key: 'lastName', label: 'Last name' },
  { key: 'email', label: 'Email' },
  { key: 'phone', label: 'Phone' },
] as const;
export type Target = (typeof TARGETS)[number]['key'];
/** For each target, the index of the column it reads (-1: none). */
export type Mapping = Record<Target, number>;

const GUESSES: Record<Target, RegExp> = {
  name: /^(full ?name|name|customer|client|nom)$/i,
  firstName: /^(first ?name|given ?name|first|prénom|prenom)$/i,
  lastName: /^(last ?name|surname|family ?name|last)$/i,
  email: /e-?mail|^mail$|courriel/i,
  phone: /phone|mobile|cell|tel/i,
};

/** A first mapping from the header row's names; the person checks and corrects it. */
export function guessMapping(headers: string[]): Mapping {
  const mapping = {} as Mapping;
  for (const { key } of TARGETS) mapping[key] = headers.findIndex((h) => GUESSES[key].test(h.trim()));
  return mapping;
}

/** The rows the API takes, read through the mapping (first + last name make the name when no full name). */
export function rowsFrom(table: string[][], mapping: Mapping): BulkRow[] {
  const cell = (row: string[], target: Target) =>
    mapping[target] >= 0 ? (row[mapping[target]] ?? '').trim() : '';
  return table.map((row) => {
    const name =
      cell(row, 'name') || [cell(row, 'firstName'), cell(row, 'lastName')].filter(Boolean).join(' ');
    const out: BulkRow = {};
    if (name) out.name = name.slice(0, 200);
    const email = cell(row, 'email');
    if (email) out.email = email.slice(0, 254);
    const phone = cell(row, 'phone');
    if (phone) out.phone = phone.slice(0, 40);
    return out;
  });
}
