import { applyTheme, type ThemeChoice, theme } from '../state/theme';

const NEXT: Record<ThemeChoice, ThemeChoice> = { auto: 'dark', dark: 'light', light: 'auto' };
const LABEL: Record<ThemeChoice, string> = {
  auto: 'Theme: system',
  dark: 'Theme: dark',
  light: 'Theme: light',
};

/** Cycles system → dark → light; the button says which one is on. */
export function ThemeToggle() {
  return (
    <button type="button" class="ghost" onClick={() => applyTheme(NEXT[theme.value])}>
      {LABEL[theme.value]}
    </button>
  );
}
