import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Toaster } from 'sonner';
import { connectQueryCache } from './api/events';
import { App } from './app/App';
import { runBeforeWorkspaceSwitch } from './features/workspace/before-switch';
import './styles.css';

const queryClient = new QueryClient({
  defaultOptions: {
    // Data lives in a local file that only this app changes: refetch when we invalidate, not on focus.
    queries: { refetchOnWindowFocus: false, retry: false, staleTime: 30_000 },
  },
});

// Pushed "data changed" events keep every cached view current (an import ending, another window's edits).
connectQueryCache(queryClient);
// The desktop window asks before it closes: pending edits are saved first, as before a workspace switch.
window.tailorShell?.onCloseRequest(runBeforeWorkspaceSwitch);

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <App />
        <Toaster position="bottom-right" richColors closeButton />
      </QueryClientProvider>
    </StrictMode>,
  );
}
