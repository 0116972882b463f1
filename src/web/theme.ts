import { createTheme, type CSSVariablesResolver } from '@mantine/core';

/**
 * Teal at shade 9 keeps white-on-primary and primary-on-white text above WCAG AA's 4.5:1
 * (about 5:1); Mantine's default shade 6 would fall short, as would its dimmed grey and red.
 */
export const theme = createTheme({
  primaryColor: 'teal',
  primaryShade: { light: 9, dark: 4 },
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  defaultRadius: 'md',
  cursorType: 'pointer',
  focusRing: 'auto',
  components: {
    Anchor: { defaultProps: { underline: 'always' } },
    // No asterisk inside labels: a label reads exactly as its field's name (to people, screen
    // readers and tests alike); forms say in words which fields are required.
    TextInput: { defaultProps: { withAsterisk: false } },
    PasswordInput: { defaultProps: { withAsterisk: false } },
    Select: { defaultProps: { withAsterisk: false } },
    NumberInput: { defaultProps: { withAsterisk: false } },
    // A dialog's header is not the page's banner landmark; its close button needs a name.
    ModalHeader: { defaultProps: { component: 'div' } },
    ModalCloseButton: { defaultProps: { 'aria-label': 'Close' } },
    Notification: { defaultProps: { closeButtonProps: { 'aria-label': 'Dismiss' } } },
  },
});

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    // Text on "light" backgrounds (alerts, badges, the current page in the navigation) is one
    // step darker than Mantine's shade 9, which falls just short of 4.5:1 on shades 1 and 2.
    '--mantine-color-teal-light-color': '#05694b',
    '--mantine-color-orange-light-color': '#a63c06',
    '--mantine-color-yellow-light-color': '#8f4a00',
    '--mantine-color-red-light-color': '#a51d1d',
    '--mantine-color-blue-light-color': '#145591',
    // Hovered buttons get darker, not lighter (Mantine's shade 8 is too light for white text).
    '--mantine-color-teal-filled-hover': '#066b4d',
    '--mantine-color-red-filled-hover': '#a51d1d',
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-anchor': '#05694b',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-6)',
  },
  dark: {},
});
