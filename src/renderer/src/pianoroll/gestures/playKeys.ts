import type { Gesture } from './gesture.ts'

/** Pressing (and sliding over) the keyboard: sounds each key the pointer reaches. */
export const playKeys: Gesture = {
  onPointerDown(ctx, p) {
    const t = ctx.transform()
    let pitch = t.yToPitch(p.y)
    const velocity = ctx.velocity
    ctx.audition(pitch, velocity)
    ctx.setPressedPitch(pitch)
    return {
      onPointerMove(q) {
        const next = t.yToPitch(q.y)
        if (next === pitch) return
        pitch = next
        ctx.audition(pitch, velocity)
        ctx.setPressedPitch(pitch)
      },
      onPointerUp() {
        ctx.setPressedPitch(undefined)
      },
    }
  },
}
