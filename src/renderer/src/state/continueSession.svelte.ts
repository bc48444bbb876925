import type { ModelStatus } from '$shared/ipc/app.ts'
import type { ContinueResponse } from '$shared/ipc/continue.ts'
import { acceptCandidate } from '../commands/candidate.ts'
import { addBatch, current, cycle, emptyCandidates, type CandidateEntry, type CandidateList } from '../continue/candidates.ts'
import { candidatesOf, failureMessage, modelProblem } from '../continue/outcome.ts'
import { barsToContinue, randomSeed } from '../continue/request.ts'
import { buildContinueRequest, defaultContinueSettings, type ContinueSettings } from '$shared/continueRequest.ts'
import type { Editor } from './editor.svelte.ts'
import { barAtTick } from '$shared/music/bars.ts'
import { listenedSong } from '../tracks/mix.ts'

/** The part of window.api Continue uses. */
export type ContinueApi = Pick<Window['api'], 'continue' | 'cancelContinue' | 'onContinueProgress'>

/** The generation under way. */
interface Running {
  requestId: string
  done: number
  total: number
}

/**
 * The Continue workflow: settings, the running request with its progress, and the candidates on
 * offer. Replies to a request that is no longer the current one are dropped by request id.
 */
export class ContinueSession {
  #settings = $state.raw<ContinueSettings>({ ...defaultContinueSettings, seed: randomSeed() })
  #candidates = $state.raw<CandidateList>(emptyCandidates)
  #running = $state.raw<Running | undefined>(undefined)
  #error = $state<string | undefined>(undefined)
  #note = $state<string | undefined>(undefined)
  #shown = $derived(current(this.#candidates))

  private counter = 0
  private batches = 0

  constructor(
    private readonly api: ContinueApi,
    private readonly editor: Editor,
    private readonly model: () => ModelStatus,
  ) {}

  /** The panel's settings. */
  get settings(): Readonly<ContinueSettings> {
    return this.#settings
  }

  /** Candidates of every press since the last accept or discard. */
  get candidates(): CandidateList {
    return this.#candidates
  }

  /** The generation under way, with its progress. */
  get running(): Readonly<Running> | undefined {
    return this.#running
  }

  /** Why the last Continue did not work, in plain words. */
  get error(): string | undefined {
    return this.#error
  }

  /** What the last Continue produced (key, time), in plain words. */
  get note(): string | undefined {
    return this.#note
  }

  /** The candidate on show. */
  get shown(): CandidateEntry | undefined {
    return this.#shown
  }

  /** Follows progress events; returns the teardown. */
  connect(): () => void {
    return this.api.onContinueProgress((progress) => {
      const running = this.#running
      if (running && progress.requestId === running.requestId) this.#running = { ...running, done: progress.done, total: progress.total }
    })
  }

  /** Changes some of the panel's settings (the panel's inputs call it). */
  configure(changes: Partial<ContinueSettings>): void {
    this.#settings = { ...this.#settings, ...changes }
  }

  /** Forgets the last complaint (it was about a selection that has changed since). */
  clearError(): void {
    this.#error = undefined
  }

  /** Continues the selected bars; the new candidates join the earlier ones. */
  async run(): Promise<void> {
    if (this.#running) return
    this.#error = undefined
    const problem = modelProblem(this.model())
    if (problem) return void (this.#error = problem)
    const range = barsToContinue(this.editor.song, this.editor.bars, this.editor.selection)
    const requestId = `continue-${Date.now().toString(36)}-${++this.counter}`
    // The model hears the track Continue listens to, or every track you hear.
    const built = buildContinueRequest(listenedSong(this.editor.song), range, this.#settings, requestId)
    if (!built.ok) return void (this.#error = built.problem)
    if (!this.editor.bars && range) this.editor.selectBars(range)
    const { seed, temperature } = this.#settings
    this.#running = { requestId, done: 0, total: 0 }
    try {
      const answer = await this.api.continue(built.request)
      if (this.#running?.requestId !== requestId) return
      if (!answer.ok) {
        this.#error = failureMessage(answer.error)
        return
      }
      this.take(answer, seed, temperature)
    } catch (e) {
      if (this.#running?.requestId === requestId) this.#error = `Continue did not work: ${e instanceof Error ? e.message : String(e)}`
    } finally {
      if (this.#running?.requestId === requestId) this.#running = undefined
    }
  }

  /** Stops the generation under way. */
  cancel(): void {
    const running = this.#running
    if (!running) return
    this.#running = undefined
    this.#error = 'Cancelled. Nothing was changed.'
    void this.api.cancelContinue(running.requestId).catch(() => undefined)
  }

  /** Shows the next (1) or previous (-1) candidate. */
  cycle(step: number): void {
    this.#candidates = cycle(this.#candidates, step)
  }

  /** Writes the candidate on show into the song (one undo step) and clears the candidates. */
  accept(): void {
    const shown = this.#shown
    if (!shown) return
    this.editor.apply((song) => acceptCandidate(song, shown.notes))
    // The written bars become the selection, so the next Continue goes on from them.
    const song = this.editor.song
    const start = barAtTick(song, shown.startTick)
    this.editor.selectBars({ start, end: Math.max(start + 1, barAtTick(song, Math.max(shown.startTick, shown.endTick - 1)) + 1) })
    this.discard()
  }

  /** Drops every candidate. */
  discard(): void {
    this.#candidates = emptyCandidates
    this.#note = undefined
  }

  /** Picks a new random seed. */
  newSeed(): void {
    this.configure({ seed: randomSeed() })
  }

  private take(answer: ContinueResponse, seed: number, temperature: number): void {
    const { entries, summary } = candidatesOf(answer, ++this.batches, seed, temperature)
    this.#candidates = addBatch(this.#candidates, entries)
    this.#note = summary
    // A next press should bring something new; each candidate keeps the seed it was made with.
    this.configure({ seed: (seed + 1) % 2 ** 32 })
  }
}
