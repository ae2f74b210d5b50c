import '../../assets/theme.css';
import { applyTheme } from '../../components/theme';
import { mountPage } from '../../components/mount-page';
import { App } from './App';

// The host passes the site's theme (light or dark) in the URL.
applyTheme(new URLSearchParams(location.search).get('theme'));
mountPage(App);
