/** WCAG 2 contrast of colours given as #rrggbb, for checking the chart palette. */

const channels = (hex: string): number[] => {
  const m = /^#([0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  return (m[1] as string).match(/../g)!.map((h) => parseInt(h, 16));
};

export function relativeLuminance(hex: string): number {
  const [r, g, b] = channels(hex).map((v) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** `fg` drawn at `alpha` over `bg`, as the opaque colour the eye sees. */
export function blend(fg: string, bg: string, alpha: number): string {
  const f = channels(fg),
    g = channels(bg);
  return `#${f
    .map((v, i) =>
      Math.round(v * alpha + (g[i] as number) * (1 - alpha))
        .toString(16)
        .padStart(2, "0"),
    )
    .join("")}`;
}
