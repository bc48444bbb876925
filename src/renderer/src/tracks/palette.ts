/**
 * Track colours, readable on the dark roll and apart from the selection (orange), the candidates
 * (green ghosts) and the playhead (red). The first is the roll's own blue, so a one-track song looks
 * as it always did.
 */
export const TRACK_COLORS = ['#4f7ee8', '#b07be8', '#e86fb4', '#3fb8c9', '#c9c34f', '#8f98ff', '#a0d050', '#a8b0c0'] as const

/** The colour of the track at `index` in a song just opened. */
export function trackColor(index: number): string {
  return TRACK_COLORS[index % TRACK_COLORS.length]!
}

/** A colour for a new track: the first one no track has yet (or the next in turn when all are taken). */
export function unusedColor(used: readonly string[]): string {
  return TRACK_COLORS.find((c) => !used.includes(c)) ?? trackColor(used.length)
}

/** A '#rrggbb' colour mixed with `other` ('#rrggbb'): amount 0 is the colour, 1 is `other`. */
export function mixColors(color: string, other: string, amount: number): string {
  const channel = (hex: string, i: number) => parseInt(hex.slice(1 + i * 2, 3 + i * 2), 16)
  const parts = [0, 1, 2].map((i) => Math.round(channel(color, i) * (1 - amount) + channel(other, i) * amount))
  return `#${parts.map((p) => p.toString(16).padStart(2, '0')).join('')}`
}
