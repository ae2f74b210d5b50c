import '../../assets/theme.css';
import { applyTheme } from '../../components/theme';
import { mountPage } from '../../components/mount-page';
import { App } from './App';

applyTheme(null);
mountPage(App);
