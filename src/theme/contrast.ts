/**
 * WCAG 2.x contrast, written out by hand: the formula is a few lines
 * (https://www.w3.org/TR/WCAG22/#dfn-contrast-ratio), so no library is needed.
 */

/** A colour as `#rrggbb`, lower case. */
export type Hex = `#${string}`;

/** The relative luminance of an sRGB colour `#rrggbb`, from 0 (black) to 1 (white). */
export function relativeLuminance(colour: Hex): number {
  const channel = (offset: number) => {
    const value = Number.parseInt(colour.slice(offset, offset + 2), 16) / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** The contrast ratio of two colours, from 1 (the same) to 21 (black on white); the order does not matter. */
export function contrastRatio(a: Hex, b: Hex): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/**
 * A ratio as people read it, `2.2:1`: cut to one decimal, never rounded up, so a failing ratio
 * never reads as the one it needs; to two decimals when it falls short by less than 0.1 (`4.47:1`).
 */
export function formatRatio(ratio: number, needed?: number): string {
  const digits = needed !== undefined && ratio < needed && needed - ratio < 0.1 ? 2 : 1;
  const cut = Math.floor(ratio * 10 ** digits) / 10 ** digits;
  return `${cut.toFixed(digits).replace(/\.0+$/, "")}:1`;
}
