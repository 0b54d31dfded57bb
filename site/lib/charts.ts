// Geometry and colours of the static charts (HTML and CSS, no script), computed at build time.
// Kept apart from the components so the arithmetic is testable without rendering.

/** A bar's length in percent of its track: the index on a 0–100 scale, clamped; none for no index. */
export function barPercent(index: number | null): number {
  if (index === null || Number.isNaN(index)) return 0;
  return Math.round(Math.max(0, Math.min(100, index)) * 10) / 10;
}

/**
 * Heat-map fill for an index (0–100) and a text colour that keeps WCAG AA contrast (4.5:1) on
 * it. Five steps of one blue hue: readable in greyscale print and for red-green colour blindness.
 */
const STEPS: { min: number; fill: string; text: string }[] = [
  { min: 90, fill: '#08306b', text: '#ffffff' },
  { min: 80, fill: '#2171b5', text: '#ffffff' },
  { min: 70, fill: '#6baed6', text: '#000000' },
  { min: 50, fill: '#c6dbef', text: '#000000' },
  { min: 0, fill: '#f7fbff', text: '#000000' },
];

export function heatColor(index: number | null): { fill: string; text: string } {
  if (index === null) return { fill: '#ffffff', text: '#000000' };
  return STEPS.find((s) => index >= s.min) ?? STEPS[STEPS.length - 1]!;
}

export const HEAT_LEGEND = STEPS.map((s, i) => ({ ...s, max: i === 0 ? 100 : STEPS[i - 1]!.min }));

/** WCAG relative-luminance contrast ratio of two #rrggbb colours. */
export function contrastRatio(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
}
