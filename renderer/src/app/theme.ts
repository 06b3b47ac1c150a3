// Readable at a glance on a workshop screen: a larger base size, strong headings, visible keyboard focus, and every
// text at WCAG AA contrast (4.5:1) against what it is drawn on, set here once rather than per component.
import { Badge, createTheme, type CSSVariablesResolver, Modal } from '@mantine/core';
import { READABLE_COLORS } from './readable-colors.js';

export const theme = createTheme({
  primaryColor: 'indigo',
  // The darkest shades of each colour darkened where they fall short of 4.5:1 (readable-colors.ts).
  colors: READABLE_COLORS,
  // Shade 8 is the filled colour (buttons, filled badges, links, coloured text): indigo 6 on white is 4.32:1.
  primaryShade: { light: 8, dark: 8 },
  // On a filled colour the text is black or white, whichever contrasts more: below this luminance white text
  // reaches 4.5:1, above it black text does (the two meet at 0.179).
  autoContrast: true,
  luminanceThreshold: 0.179,
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
    // The × of every dialog says what it does (Escape does the same). A dialog's header is its title bar, not the
    // page's banner landmark (Mantine draws it as a <header>).
    Modal: Modal.extend({
      defaultProps: {
        closeButtonProps: { 'aria-label': 'Close' },
        attributes: { header: { role: 'none' } },
      },
    }),
  },
});

/**
 * Mantine's own colours for secondary text and errors are too light on white (gray 6: 3.32:1, red 6: 3.28:1): the
 * darker shades of the same colours instead. Given to the MantineProvider with the theme.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-8)',
  },
  dark: {},
});
