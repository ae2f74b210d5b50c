import '../../assets/theme.css';
import { applyTheme } from '../../components/theme';
import { mountPage } from '../../components/mount-page';
import { App } from './App';

// Dark mode follows the system, also when it changes while the page is open.
applyTheme(null);
matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => applyTheme(null));
mountPage(App);
