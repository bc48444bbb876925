import { describe, expect, it } from 'vitest'
import { LaneScale } from './laneScale.ts'

describe('the velocity lane scale', () => {
  const scale = new LaneScale(96)

  it('puts 127 at the top and 0 on the floor, 6 px inside the edges', () => {
    expect([scale.velocityToY(127), scale.velocityToY(0), scale.floor]).toEqual([6, 90, 90])
    expect(scale.velocityToY(63.5)).toBe(48)
  })

  it('reads back every velocity it draws, and clamps presses outside to 1..127', () => {
    for (let v = 1; v <= 127; v++) expect(scale.yToVelocity(scale.velocityToY(v))).toBe(v)
    expect([scale.yToVelocity(-40), scale.yToVelocity(200)]).toEqual([127, 1])
  })
})
