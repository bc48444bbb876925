import type { Note } from '$shared/music/types.ts'
import { forEachVisible } from '../visible.ts'
import { KEYBOARD_WIDTH } from '../transform.ts'
import { colors, type Scene } from './scene.ts'
import { mixColors } from '../../tracks/palette.ts'

function visibleRange(scene: Scene): { start: number; end: number; lowPitch: number; highPitch: number } {
  const { start, end } = scene.transform.visibleTicks(scene.width)
  const { low, high } = scene.transform.visiblePitches(scene.height)
  return { start, end, lowPitch: low, highPitch: high }
}

function noteRect(scene: Scene, note: Note): { x: number; y: number; w: number; h: number } {
  const t = scene.transform
  const x = Math.max(KEYBOARD_WIDTH - 2, t.tickToX(note.ticks))
  const x1 = t.tickToX(note.ticks + note.durationTicks)
  return { x, y: t.pitchToY(note.pitch) + 1, w: Math.max(2, x1 - x - 1), h: Math.max(2, t.view.keyHeight - 2) }
}

/** Velocity shades: notes are drawn in this many batches per colour, so the fill style changes a few times a frame, not once per note. */
const LEVELS = 8
const SELECTED_FILLS = Array.from({ length: LEVELS }, (_, i) => colors.selected(((i + 0.5) * 127) / LEVELS))
const trackFills = new Map<string, string[]>()

/** The velocity shades of a track colour, softest first (soft notes fade towards the background). */
export function velocityShades(color: string): string[] {
  let shades = trackFills.get(color)
  if (!shades) {
    shades = Array.from({ length: LEVELS }, (_, i) => mixColors(color, colors.background, 0.6 * (1 - (i + 0.5) / LEVELS)))
    trackFills.set(color, shades)
  }
  return shades
}

/** The shade index of a velocity. */
export function velocityLevel(velocity: number): number {
  return Math.max(0, Math.min(LEVELS - 1, Math.floor((velocity / 128) * LEVELS)))
}

/** Layer 3: the shown tracks' notes, each track in its colour shaded by velocity; selected notes stand out. Only visible notes are drawn. */
export function drawNotes(scene: Scene): void {
  const { ctx } = scene
  const range = visibleRange(scene)
  const outline = scene.transform.view.keyHeight >= 8
  const selected: Path2D[] = Array.from({ length: LEVELS }, () => new Path2D())
  const edges = new Path2D()
  // Track by track, so a later track's notes lie over an earlier one's; the selection over them all.
  for (const track of scene.song.tracks) {
    if (track.hidden) continue
    const batches: Path2D[] = Array.from({ length: LEVELS }, () => new Path2D())
    forEachVisible(track.notes, range, (note) => {
      const r = noteRect(scene, note)
      const level = velocityLevel(note.velocity)
      ;(scene.selection.has(note.id) ? selected : batches)[level]!.rect(r.x, r.y, r.w, r.h)
      if (outline && r.w > 4) edges.rect(r.x + 0.5, r.y + 0.5, r.w - 1, r.h - 1)
    })
    const shades = velocityShades(track.color)
    batches.forEach((path, i) => {
      ctx.fillStyle = shades[i]!
      ctx.fill(path)
    })
  }
  selected.forEach((path, i) => {
    ctx.fillStyle = SELECTED_FILLS[i]!
    ctx.fill(path)
  })
  ctx.strokeStyle = colors.noteEdge
  ctx.stroke(edges)
}

/** Layer 4: the candidate on show, as translucent ghost notes. */
export function drawGhosts(scene: Scene): void {
  if (scene.ghosts.length === 0) return
  const { ctx } = scene
  const range = visibleRange(scene)
  ctx.setLineDash([3, 2])
  for (const note of scene.ghosts) {
    if (note.ticks >= range.end || note.ticks + note.durationTicks <= range.start) continue
    if (note.pitch < range.lowPitch || note.pitch > range.highPitch) continue
    const r = noteRect(scene, note)
    ctx.fillStyle = colors.ghost
    ctx.fillRect(r.x, r.y, r.w, r.h)
    ctx.strokeStyle = colors.ghostEdge
    ctx.strokeRect(r.x + 0.5, r.y + 0.5, r.w - 1, r.h - 1)
  }
  ctx.setLineDash([])
}
