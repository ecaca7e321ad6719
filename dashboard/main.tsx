import { render } from 'preact';
import { App } from './app';
import { loadSession } from './state/session';
import { applyTheme, theme } from './state/theme';
import './styles.css';

applyTheme(theme.value);
loadSession();
render(<App />, document.getElementById('app')!);
