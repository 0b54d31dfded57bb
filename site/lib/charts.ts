// Geometry and colours of the static SVG charts, computed at build time so results pages ship no
// script. Kept apart from the components so the arithmetic is testable without rendering.

export interface Bar {
  label: string;
  value: number | null;
  /** Text drawn after the bar (the formatted value). */
  text: string;
}

export interface BarLayout {
  width: number;
  height: number;
  labelWidth: number;
  plotWidth: number;
  rowHeight: number;
  top: number;
  bars: { label: string; text: string; y: number; width: number }[];
  ticks: { x: number; label: string }[];
}

/** Horizontal bars on a 0–100 % scale, one row per unit in rank order. */
export function barLayout(bars: Bar[], opts: { width?: number; labelWidth?: number; rowHeight?: number } = {}): BarLayout {
  const width = opts.width ?? 720;
  const labelWidth = opts.labelWidth ?? 200;
  const rowHeight = opts.rowHeight ?? 18;
  const top = 22;
  const valueRoom = 56;
  const plotWidth = width - labelWidth - valueRoom;
  const scale = (v: number) => Math.max(0, Math.min(100, v)) / 100 * plotWidth;
  return {
    width, labelWidth, plotWidth, rowHeight, top,
    height: top + bars.length * rowHeight + 6,
    bars: bars.map((b, i) => ({ label: b.label, text: b.text, y: top + i * rowHeight, width: round1(b.value === null ? 0 : scale(b.value)) })),
    ticks: [0, 25, 50, 75, 100].map((t) => ({ x: round1(labelWidth + scale(t)), label: `${t}` })),
  };
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
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
