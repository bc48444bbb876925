/**
 * Snapshot undo: the state before every change is pushed, undo swaps it back. Songs are immutable,
 * so a snapshot is a reference and costs nothing to keep.
 */
export class History<T> {
  private readonly past: T[] = []
  private future: T[] = []

  /** Keeps at most `limit` undo steps. */
  constructor(private readonly limit = 500) {}

  /** Records the state as it was before a change; clears redo. */
  push(before: T): void {
    this.past.push(before)
    if (this.past.length > this.limit) this.past.shift()
    this.future = []
  }

  /** The state to go back to, given the current one (which becomes redoable); undefined if none. */
  undo(current: T): T | undefined {
    const previous = this.past.pop()
    if (previous !== undefined) this.future.push(current)
    return previous
  }

  /** The state to go forward to, given the current one; undefined if none. */
  redo(current: T): T | undefined {
    const next = this.future.pop()
    if (next !== undefined) this.past.push(current)
    return next
  }

  /** Forgets every step (a new or opened document). */
  clear(): void {
    this.past.length = 0
    this.future = []
  }

  /** True when there is something to undo. */
  get canUndo(): boolean {
    return this.past.length > 0
  }

  /** True when there is something to redo. */
  get canRedo(): boolean {
    return this.future.length > 0
  }
}
