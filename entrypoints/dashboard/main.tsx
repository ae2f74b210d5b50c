import '../../assets/theme.css';
import { applyTheme } from '../../components/theme';
import { mountPage } from '../../components/mount-page';
import { App } from './App';
import { startDigestRead } from './use-log';

// The log digest is read while React mounts (the first figures come from it).
startDigestRead();
applyTheme(null);
mountPage(App);
