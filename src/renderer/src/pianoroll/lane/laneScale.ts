/** Height of the velocity lane under the roll, in CSS pixels. */
export const LANE_HEIGHT = 96
/** Room above velocity 127 and below velocity 0, in CSS pixels. */
const PAD = 6

/**
 * Converts between velocity and y in the velocity lane (its x is the roll's: RollTransform). A small
 * value type, like RollTransform: drawing and the lane's gesture both go through it.
 */
export class LaneScale {
  constructor(readonly height: number = LANE_HEIGHT) {}

  /** The y of the top of a bar of this velocity (0 sits on the floor). */
  velocityToY(velocity: number): number {
    return this.floor - (velocity / 127) * (this.floor - PAD)
  }

  /** The velocity (1..127, whole) a press at y means: above the top is 127, below the floor 1. */
  yToVelocity(y: number): number {
    const v = Math.round(((this.floor - y) / (this.floor - PAD)) * 127)
    return Math.min(127, Math.max(1, v))
  }

  /** The y of velocity 0. */
  get floor(): number {
    return this.height - PAD
  }
}
