import { signal } from '@preact/signals';

export type ThemeChoice = 'auto' | 'light' | 'dark';
const KEY = 'plaudit.theme';

/** The colour scheme: 'auto' follows the system (prefers-color-scheme), the others override it. */
export const theme = signal<ThemeChoice>(stored());

function stored(): ThemeChoice {
  try {
    const value = localStorage.getItem(KEY);
    return value === 'light' || value === 'dark' ? value : 'auto';
  } catch {
    return 'auto';
  }
}

/** Applies a choice to the document (styles.css reads `data-theme`) and remembers it. */
export function applyTheme(choice: ThemeChoice): void {
  theme.value = choice;
  if (choice === 'auto') document.documentElement.removeAttribute('data-theme');
  else document.documentElement.setAttribute('data-theme', choice);
  try {
    localStorage.setItem(KEY, choice);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
}
