// Readable at a glance on a workshop screen: a larger base size, strong headings, visible keyboard focus.
import { Badge, createTheme } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'indigo',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", Ubuntu, Cantarell, sans-serif',
  fontFamilyMonospace:
    'ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", "Liberation Mono", Menlo, monospace',
  headings: { fontWeight: '700' },
  fontSizes: { xs: '0.8125rem', sm: '0.9375rem', md: '1.0625rem', lg: '1.1875rem', xl: '1.375rem' },
  defaultRadius: 'md',
  focusRing: 'auto',
  cursorType: 'pointer',
  components: {
    Button: { defaultProps: { size: 'md' } },
    // A badge holds a word or two ("Plug-in hybrid", "Delivered", "Offline"): never cut to "PLUG-IN HY…" when
    // a table column is tight (Mantine lets the label shrink to nothing inside its grid).
    Badge: Badge.extend({ styles: { root: { minWidth: 'max-content' } } }),
  },
});
