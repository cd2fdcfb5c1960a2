/**
 * Colours, sizes and number formats shared by the analysis charts.
 *
 * Charts are drawn in boxes of a fixed width that fits an A4 page (180 mm of content = 680 CSS px, less
 * the card's padding): a chart sized to the screen would keep its screen width when printed, because the
 * browser does not re-measure it for the printed layout.
 */
export const CHART_WIDTH = 640;

/** Height of one bar's band in the horizontal bar charts, and of the group rows beside the stacked chart. */
export const BAND_HEIGHT = 34;

/** Categorical colours for the choices of a question (colour-blind safe order, after Okabe–Ito). */
export const CHOICE_COLOURS = [
  '#1f5aa6',
  '#e69f00',
  '#009e73',
  '#cc79a7',
  '#56b4e9',
  '#d55e00',
  '#6b7280',
  '#f0c419',
] as const;

/** Pooled figures are drawn in the primary colour, network-weighted ones beside them in this one. */
export const POOLED_COLOUR = '#1f5aa6';
export const WEIGHTED_COLOUR = '#d97706';

/** The network-weighted share series of the share charts (a `Bar`'s props; each chart adds its own corners). */
export const WEIGHTED_SHARE_BAR = {
  dataKey: 'weighted',
  name: 'Weighted by network',
  fill: WEIGHTED_COLOUR,
  isAnimationActive: false,
} as const;

/** The shade behind the bars under the pointer while the tooltip shows them. */
export const TOOLTIP_CURSOR = { fill: 'rgba(31, 90, 166, 0.06)' } as const;

/** A percent axis's tick (the figures are already in percent). */
export function percentTick(value: number): string {
  return `${value} %`;
}

export const AXIS_TICK = { fontSize: 12, fill: '#374151' } as const;
export const AXIS_LABEL = { fontSize: 12, fill: '#4b5563' } as const;
export const VALUE_LABEL = { fontSize: 11, fill: '#111827' } as const;

/** A colour for the i-th of `count` ordered values (ratings, numbers): light to dark blue. */
export function sequentialColour(index: number, count: number): string {
  const t = count <= 1 ? 1 : index / (count - 1);
  // From #c6dbef to #08306b (the ends of ColorBrewer's Blues), linearly in RGB.
  const channel = (from: number, to: number) => Math.round(from + (to - from) * t);
  return `rgb(${channel(198, 8)}, ${channel(219, 48)}, ${channel(239, 107)})`;
}

/** Colours for a question's choices: ordered scales get shades of one hue, nominal choices distinct hues. */
export function choiceColours(count: number, ordered: boolean): string[] {
  return Array.from({ length: count }, (_, index) =>
    ordered ? sequentialColour(index, count) : (CHOICE_COLOURS[index % CHOICE_COLOURS.length] ?? CHOICE_COLOURS[0]),
  );
}

/** Text that stays readable on a segment of this colour. */
export function textColourOn(colour: string): string {
  const rgb = colour.startsWith('#')
    ? [1, 3, 5].map((at) => parseInt(colour.slice(at, at + 2), 16))
    : (colour.match(/\d+/g) ?? []).map(Number);
  const [r = 0, g = 0, b = 0] = rgb;
  return 0.299 * r + 0.587 * g + 0.114 * b > 150 ? '#111827' : '#ffffff';
}

export function percent(share: number | null | undefined): string {
  return share === null || share === undefined ? '–' : `${(share * 100).toFixed(1)} %`;
}

/** A mean, median or rank for display: the API's figures are exact, the page shows two decimals at most. */
export function decimal(value: number | null | undefined): string {
  return value === null || value === undefined ? '–' : String(Math.round(value * 100) / 100);
}

/** A share in whole percent, for labels inside bars where a decimal would not fit. */
export function wholePercent(value: number): string {
  // A no-break space, so that a narrow segment does not wrap the sign under the number.
  return `${Math.round(value)}\u00a0%`;
}

/** A column's value label in whole percent; no label where the column has no figure. */
export function wholePercentLabel(value: unknown): string {
  return typeof value === 'number' ? wholePercent(value) : '';
}

/** A percent axis: up to the largest value with room for its label, in even steps of 10 or 20. */
export function percentAxis(values: Array<number | null | undefined>): { domain: [number, number]; ticks: number[] } {
  const largest = Math.max(0, ...values.map((value) => value ?? 0));
  const step = largest > 48 ? 20 : 10;
  const max = Math.min(100, Math.max(step, Math.ceil((largest + 2) / step) * step));
  return { domain: [0, max], ticks: Array.from({ length: max / step + 1 }, (_, index) => index * step) };
}

export const LEGEND_STYLE = { fontSize: 12 } as const;
