import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import '../../assets/theme.css';
import { applyTheme } from '../../components/theme';
import { App } from './App';

// Dark mode follows the system, also when it changes while the page is open.
applyTheme(null);
matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => applyTheme(null));
const queryClient = new QueryClient({ defaultOptions: { queries: { refetchOnWindowFocus: false } } });
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
