/**
 * The colour change of clients that darken only what is light (Gmail's
 * Android app, Outlook.com): a light background becomes dark and dark text
 * becomes light, each keeping its hue; colours already on the dark side
 * (for a background) or the light side (for text) stay as they are.
 */
export type ColorRole = 'background' | 'text';

interface Rgb {
  r: number;
  g: number;
  b: number;
  a: number;
}

/** The browser writes every colour it parsed as rgb()/rgba() with 0–255 channels; those are the ones changed. */
const RGB = /rgba?\(\s*(\d+(?:\.\d+)?)\s*,\s*(\d+(?:\.\d+)?)\s*,\s*(\d+(?:\.\d+)?)\s*(?:,\s*(\d*(?:\.\d+)?)\s*)?\)/gi;

function toHsl({ r, g, b }: Rgb): [number, number, number] {
  const [rn, gn, bn] = [r / 255, g / 255, b / 255];
  const max = Math.max(rn, gn, bn);
  const min = Math.min(rn, gn, bn);
  const l = (max + min) / 2;
  if (max === min) return [0, 0, l];
  const d = max - min;
  const s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
  const h = max === rn ? (gn - bn) / d + (gn < bn ? 6 : 0) : max === gn ? (bn - rn) / d + 2 : (rn - gn) / d + 4;
  return [h / 6, s, l];
}

function fromHsl(h: number, s: number, l: number): [number, number, number] {
  if (s === 0) return [l, l, l].map((v) => Math.round(v * 255)) as [number, number, number];
  const q = l < 0.5 ? l * (1 + s) : l + s - l * s;
  const p = 2 * l - q;
  const channel = (t: number) => {
    const u = t < 0 ? t + 1 : t > 1 ? t - 1 : t;
    if (u < 1 / 6) return p + (q - p) * 6 * u;
    if (u < 1 / 2) return q;
    if (u < 2 / 3) return p + (q - p) * (2 / 3 - u) * 6;
    return p;
  };
  return [channel(h + 1 / 3), channel(h), channel(h - 1 / 3)].map((v) => Math.round(v * 255)) as [number, number, number];
}

/** One colour as such a client shows it. */
export function darkenColor(color: Rgb, role: ColorRole): Rgb {
  const [h, s, l] = toHsl(color);
  // Backgrounds lighter than mid-grey map to 8–30% lightness (white to near-black); text darker than mid-grey to 70–92%.
  if (role === 'background' && l > 0.5) {
    const [r, g, b] = fromHsl(h, s * 0.8, 0.08 + (1 - l) * 0.44);
    return { r, g, b, a: color.a };
  }
  if (role === 'text' && l < 0.5) {
    const [r, g, b] = fromHsl(h, s * 0.8, 0.92 - l * 0.44);
    return { r, g, b, a: color.a };
  }
  return color;
}

const format = ({ r, g, b, a }: Rgb): string => (a === 1 ? `rgb(${r}, ${g}, ${b})` : `rgba(${r}, ${g}, ${b}, ${a})`);

/** Every rgb()/rgba() colour in a (browser-serialised) CSS value, darkened for its role. */
export function darkenColors(value: string, role: ColorRole): string {
  return value.replace(RGB, (_, r: string, g: string, b: string, a: string | undefined) =>
    format(darkenColor({ r: Number(r), g: Number(g), b: Number(b), a: a === undefined || a === '' ? 1 : Number(a) }, role)),
  );
}

/** Which colours of a declaration are text (drawn on top) and which background. */
export function colorRole(property: string): ColorRole | null {
  if (property === 'color' || property === '-webkit-text-fill-color' || property === 'caret-color') return 'text';
  if (property === 'background-color' || property.startsWith('border') || property === 'outline-color') return 'background';
  return null;
}

/** `#rgb` / `#rrggbb` as in HTML's bgcolor and color attributes; null for named colours and the rest. */
export function parseHexColor(value: string): Rgb | null {
  const hex = /^\s*#?([0-9a-f]{3}|[0-9a-f]{6})\s*$/i.exec(value)?.[1];
  if (!hex) return null;
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
  return { r: parseInt(full.slice(0, 2), 16), g: parseInt(full.slice(2, 4), 16), b: parseInt(full.slice(4, 6), 16), a: 1 };
}

export const toHex = ({ r, g, b }: Rgb): string => `#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
