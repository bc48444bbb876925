// Issue 14's targets, checked against one run's figures: each line says met or not, with the numbers.
import type { MusicSummary } from '../src/engine/evaluation/scoreMusic.ts'

/** The figures of one set: the real next bars, "repeat the last 4 bars", and the setting checked. */
export interface SetFigures {
  set: string
  real: MusicSummary
  repeat: MusicSummary
  measured: MusicSummary
}

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`
const mark = (ok: boolean): string => (ok ? 'met    ' : 'NOT met')

/** One line per target and set for `name`: clashes, density, F1 and cosine against repeating, the tune's steps and leaps. */
export function targetLines(name: string, sets: readonly SetFigures[]): string[] {
  const lines: string[] = []
  for (const { set, real, repeat, measured } of sets) {
    const clashOk = measured.clashShare <= real.clashShare + 0.03
    const densityOk = measured.densityRatio >= 0.9 && measured.densityRatio <= 1.1
    lines.push(
      `${mark(clashOk && densityOk)} ${name}, ${set}: semitone clashes ${pct(measured.clashShare)} (real ${pct(real.clashShare)} + 3 points), density ratio ${measured.densityRatio.toFixed(2)} (0.9-1.1)`,
    )
    const f1Ok = measured.f1 > repeat.f1
    const cosineOk = measured.pitchClassCosine > repeat.pitchClassCosine
    lines.push(
      `${mark(f1Ok && cosineOk)} ${name}, ${set}: frame F1 ${measured.f1.toFixed(3)} vs ${repeat.f1.toFixed(3)} repeating, pitch-class cosine ${measured.pitchClassCosine.toFixed(3)} vs ${repeat.pitchClassCosine.toFixed(3)}`,
    )
    if (set === 'nottingham') {
      const tuneOk = measured.topStepShare >= 0.5 && measured.topLeapShare <= 0.1
      lines.push(
        `${mark(tuneOk)} ${name}, ${set} tune: steps ${pct(measured.topStepShare)} (>= 50%), leaps wider than a fifth ${pct(measured.topLeapShare)} (<= 10%)`,
      )
    }
  }
  return lines
}
