// Only what the loading state draws before a route's chunk brings the rest
// (src/ui/screenStyles.ts). Mantine's order: the base, then components.
import '@mantine/core/styles/baseline.css';
import '@mantine/core/styles/default-css-variables.css';
import '@mantine/core/styles/global.css';
import '@mantine/core/styles/Loader.css';
import '@mantine/core/styles/Center.css';
import '@mantine/core/styles/Stack.css';
import '@mantine/core/styles/Text.css';
// Asked for first, before the router's chunks queue on the browser's few connections.
import { brandRequest } from './brand/brandRequest';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { BrandedTheme } from './brand/BrandedTheme';
import { i18nReady } from './i18n';

// Rendering waits for the chosen language's strings (one small chunk) and the vendor's brand, read
// side by side, so no screen shows its keys or changes colour after it draws.
void Promise.all([brandRequest, i18nReady]).then(([brand]) =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <BrandedTheme initial={brand}>
        <App />
      </BrandedTheme>
    </StrictMode>,
  ),
);
