import type { BarRange, Note, Ticks } from '$shared/music/types.ts'
import type { RollTransform } from '../transform.ts'
import type { EditorSong, NoteId } from '../../state/editorSong.ts'

/** Everything one frame of the piano roll shows; the layers only read it. */
export interface Scene {
  ctx: CanvasRenderingContext2D
  /** Canvas size in CSS pixels. */
  width: number
  height: number
  transform: RollTransform
  song: EditorSong
  /** Ids of the selected notes. */
  selection: ReadonlySet<NoteId>
  /** Bars selected on the ruler. */
  bars: BarRange | undefined
  /** The candidate on show, drawn as ghost notes. */
  ghosts: readonly Note[]
  /** Ticks of grid subdivision lines (0 for none). */
  gridTicks: number
  /** The rubber band being dragged, in canvas pixels. */
  rubberBand: { x0: number; y0: number; x1: number; y1: number } | undefined
  /** Where playback is, if playing. */
  playheadTick: Ticks | undefined
  /** The key pressed on the keyboard, if any. */
  pressedPitch: number | undefined
  /** True when playback loops the selected bars. */
  loop: boolean
}

/** The theme's colours, in one place so the layers agree. */
export const colors = {
  background: '#16181d',
  whiteRow: '#1f232b',
  blackRow: '#1a1d23',
  octaveLine: '#2c313c',
  barLine: '#4a5163',
  beatLine: '#2e333e',
  subLine: '#23272f',
  selectedBars: 'rgba(122, 162, 255, 0.10)',
  selectedBarsEdge: 'rgba(122, 162, 255, 0.55)',
  noteEdge: '#0c0e14',
  selected: (velocity: number) => `hsl(32 ${70 + velocity / 8}% ${40 + (velocity / 127) * 30}%)`,
  ghost: 'rgba(107, 214, 160, 0.45)',
  ghostEdge: 'rgba(107, 214, 160, 0.95)',
  rubber: 'rgba(122, 162, 255, 0.15)',
  rubberEdge: 'rgba(122, 162, 255, 0.8)',
  playhead: '#ff6b81',
  ruler: '#1e2128',
  rulerText: '#c3c8d4',
  rulerMuted: '#7d8596',
  whiteKey: '#d9dce3',
  blackKey: '#2b2f38',
  keyPressed: '#7aa2ff',
  keyLabel: '#555b66',
} as const
