/** Edit distance with adjacent swaps (optimal string alignment): "contineu" is one step from "continue". */
export function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  )
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = rows[i] as number[]
      const above = rows[i - 1] as number[]
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      row[j] = Math.min((above[j] as number) + 1, (row[j - 1] as number) + 1, (above[j - 1] as number) + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        row[j] = Math.min(row[j] as number, ((rows[i - 2] as number[])[j - 2] as number) + 1)
    }
  }
  return (rows[a.length] as number[])[b.length] as number
}

/**
 * The words the user probably meant: the nearest by edit distance (a typo: about one edit per three
 * letters), else those that start with what was typed (`--temp` for --temperature); none when nothing is close.
 */
export function closest(word: string, candidates: readonly string[]): string[] {
  const bare = (w: string): string => w.replace(/^-+/, '').toLowerCase()
  const typed = bare(word)
  if (!typed) return []
  const scored = candidates.map((c) => ({ c, d: editDistance(typed, bare(c)) }))
  const best = Math.min(...scored.map((s) => s.d))
  if (best <= Math.max(1, Math.floor(typed.length / 3))) return scored.filter((s) => s.d === best).map((s) => s.c)
  return typed.length >= 3 ? candidates.filter((c) => bare(c).startsWith(typed)) : []
}

/** " (did you mean X?)", " (did you mean X or Y?)", or "" when nothing is close. */
export function didYouMean(word: string, candidates: readonly string[]): string {
  const near = closest(word, candidates)
  if (near.length === 0) return ''
  const list = near.length === 1 ? near[0] : `${near.slice(0, -1).join(', ')} or ${near.at(-1)}`
  return ` (did you mean ${list}?)`
}
