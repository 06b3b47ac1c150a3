// Mantine's palettes with their two darkest shades darkened where they fall short of WCAG AA (4.5:1), so that any
// colour the app names reads: shade 8 is the filled colour (buttons, badges; white text on it) and coloured text on
// white or on a light tint (shades 0–1); shade 9 is the text of light badges, alerts and buttons, on shade 1 (and
// shade 2 when hovered). Green 8 on white was 3.44:1, green 9 on green 1 3.8:1, orange 9 on white 4.29:1.
import { DEFAULT_THEME, darken, luminance, type MantineColorsTuple, toRgba } from '@mantine/core';

export const AA_CONTRAST = 4.5;

/** The WCAG contrast ratio of two opaque colours, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

function hex(color: string): string {
  const { r, g, b } = toRgba(color);
  return `#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}

/** `color`, darkened by small steps until it reads on every one of `backgrounds`. */
function darkEnough(color: string, backgrounds: readonly string[]): string {
  let result = color;
  for (let step = 0; step < 50; step += 1) {
    if (backgrounds.every((b) => contrastRatio(result, b) >= AA_CONTRAST)) return result;
    result = hex(darken(result, 0.03));
  }
  return result;
}

export function readablePalette(palette: MantineColorsTuple): MantineColorsTuple {
  const eight = darkEnough(palette[8], ['#ffffff', palette[0], palette[1]]);
  const nine = darkEnough(palette[9], ['#ffffff', palette[1], palette[2]]);
  return [...palette.slice(0, 8), eight, nine] as unknown as MantineColorsTuple;
}

/**
 * Every palette of Mantine's default theme, made readable. The build writes the values themselves in place of this
 * computation (electron.vite.config.ts, readableColors): ~2 ms of the page's start, before its first render.
 */
export const READABLE_COLORS: Record<string, MantineColorsTuple> = Object.fromEntries(
  Object.entries(DEFAULT_THEME.colors).map(([name, palette]) => [name, readablePalette(palette)]),
);
