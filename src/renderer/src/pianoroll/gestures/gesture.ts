import type { BarRange } from '$shared/music/types.ts'
import type { EditorNote } from '../../state/editorSong.ts'
import type { Grid } from '../../commands/snap.ts'
import type { Editor } from '../../state/editor.svelte.ts'
import type { RollTransform } from '../transform.ts'
import type { LaneScale } from '../lane/laneScale.ts'

/** Where the pointer is and which modifier keys are down, in canvas pixels. */
export interface PointerInfo {
  x: number
  y: number
  shift: boolean
  alt: boolean
  /** Ctrl, or Cmd on macOS. */
  mod: boolean
}

/** The pointer of `event` over `canvas`, in its pixels, with the modifier keys. */
export function pointerInfo(event: PointerEvent | WheelEvent, canvas: HTMLElement): PointerInfo {
  const rect = canvas.getBoundingClientRect()
  return {
    x: event.clientX - rect.left,
    y: event.clientY - rect.top,
    shift: event.shiftKey,
    alt: event.altKey,
    mod: event.ctrlKey || event.metaKey,
  }
}

/** What gestures may use of the roll. */
export interface RollContext {
  editor: Editor
  /** The transform of the view as it is now. */
  transform(): RollTransform
  /** The snap grid. */
  grid(): Grid
  /** The length the last drawn or resized note had, in quarter notes (songs differ in PPQ), for the next one. */
  lastLength: number
  /** Velocity of newly drawn notes. */
  readonly velocity: number
  /** Shows or hides the rubber band. */
  setRubberBand(band: { x0: number; y0: number; x1: number; y1: number } | undefined): void
  /** Sounds a key briefly (and lights it on the keyboard). */
  audition(pitch: number, velocity: number): void
  /** Lights a key on the keyboard (undefined: none). */
  setPressedPitch(pitch: number | undefined): void
  /** Selects bars on the ruler (undefined clears). */
  selectBars(range: BarRange | undefined): void
  /** The selected bars. */
  bars(): BarRange | undefined
}

/** A gesture in progress: what happens as the pointer moves and when it is released. */
export interface DragHandlers {
  onPointerMove?(p: PointerInfo): void
  onPointerUp?(p: PointerInfo): void
}

/** One pointer gesture, one file each: it starts on pointer down and returns its drag handlers. */
export interface Gesture {
  onPointerDown(ctx: RollContext, p: PointerInfo, target?: EditorNote): DragHandlers
}

/** What velocity-lane gestures may use. */
export interface LaneContext {
  editor: Editor
  /** The roll's transform as it is now: the lane shares its x. */
  transform(): RollTransform
  /** The lane's velocity scale. */
  scale(): LaneScale
}

/** One pointer gesture in the velocity lane, one file each, like the roll's. */
export interface LaneGesture {
  onPointerDown(ctx: LaneContext, p: PointerInfo): DragHandlers
}
