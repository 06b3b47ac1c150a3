// The technician's UI is built in its own piece of work; this page only proves the renderer build and
// says where the agent's API is.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

function App() {
  return (
    <main style={{ fontFamily: 'system-ui, sans-serif', padding: 24 }}>
      <h1>Depot Remote</h1>
      <p>
        The agent&apos;s API is at <code>/api/v1</code>; its description is at{' '}
        <code>/api/v1/openapi.json</code>.
      </p>
    </main>
  );
}

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
