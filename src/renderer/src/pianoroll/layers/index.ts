import { drawRows } from './rows.ts'
import { drawGrid } from './grid.ts'
import { drawNotes, drawGhosts } from './notes.ts'
import { drawRubberBand, drawPlayhead } from './overlay.ts'
import { drawRuler } from './ruler.ts'
import { drawKeyboard } from './keyboard.ts'
import type { Scene } from './scene.ts'

export type { Scene } from './scene.ts'

/** The layers, back to front. The order is fixed: later layers cover earlier ones. */
const LAYERS = [drawRows, drawGrid, drawNotes, drawGhosts, drawRubberBand, drawPlayhead, drawRuler, drawKeyboard] as const

/** Draws one frame of the piano roll. */
export function renderScene(scene: Scene): void {
  for (const layer of LAYERS) layer(scene)
}
