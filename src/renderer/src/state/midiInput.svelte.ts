import { parseMidiMessage, type MidiEvent } from '../midi/messages.ts'
import {
  connectedInputs,
  pickInput,
  readChoice,
  writeChoice,
  type MidiAccess,
  type MidiChoice,
  type MidiDevice,
  type MidiPort,
} from '../midi/devices.ts'

/** Where MIDI input stands: no Web MIDI, not asked yet, asking, refused, or open. */
export type MidiStatus = 'unsupported' | 'idle' | 'asking' | 'denied' | 'ready'

/** What MIDI input needs from the browser (tests and the e2e's fake keyboard give their own). */
export interface MidiEnvironment {
  /** navigator.requestMIDIAccess, where the browser has it. */
  requestAccess?: ((options: { sysex: boolean }) => Promise<MidiAccess>) | undefined
  /** The Permissions API's answer for MIDI ('granted', 'prompt', 'denied'), where it gives one. */
  permission?: (() => Promise<string | undefined>) | undefined
  /** Where the chosen input is remembered. */
  storage?: Pick<Storage, 'getItem' | 'setItem'> | undefined
  /** The page clock (performance.now, ms), for messages without a time stamp. */
  now?: (() => number) | undefined
}

/** The key the chosen input is remembered under. */
export const MIDI_CHOICE_KEY = 'neural-piano.midiInput'

/** Web MIDI, with sysex never asked for; the permission is only read, never requested, at start. */
export function browserMidiEnvironment(): MidiEnvironment {
  const nav = typeof navigator === 'undefined' ? undefined : navigator
  const request = nav && 'requestMIDIAccess' in nav ? nav.requestMIDIAccess.bind(nav) : undefined
  return {
    requestAccess: request && ((options) => request(options) as unknown as Promise<MidiAccess>),
    permission: async () => (await nav?.permissions?.query({ name: 'midi' as PermissionName }))?.state,
    storage: typeof localStorage === 'undefined' ? undefined : localStorage,
    now: () => performance.now(),
  }
}

/** Why there is no MIDI input, in words. */
const UNSUPPORTED =
  'This browser has no Web MIDI, so no MIDI keyboard can be played in (Chrome, Edge and the app have it). Everything else works.'

/**
 * MIDI keyboards: opening Web MIDI, the inputs plugged in (kept current as they come and go), the one
 * listened to (remembered between sessions), and its keys and pedal for whoever listens (MIDI thru,
 * the recorder). Without Web MIDI, or with it refused, it says why and the editor works on.
 */
export class MidiInput {
  #status = $state<MidiStatus>('idle')
  #inputs = $state.raw<MidiDevice[]>([])
  #current = $state.raw<MidiDevice | undefined>(undefined)
  #choice = $state.raw<MidiChoice | undefined>(undefined)
  #problem = $state<string | undefined>(undefined)
  #access: MidiAccess | undefined
  #port: MidiPort | undefined
  readonly #listeners = new Set<(event: MidiEvent, timeStamp: number) => void>()
  readonly #lostListeners = new Set<() => void>()

  /** Uses `env` for Web MIDI and tells `say` what happens (plugged in, unplugged, refused). */
  constructor(
    private readonly env: MidiEnvironment,
    private readonly say: (text: string) => void = () => undefined,
  ) {
    this.#choice = readChoice(env.storage?.getItem(MIDI_CHOICE_KEY))
    if (!env.requestAccess) {
      this.#status = 'unsupported'
      this.#problem = UNSUPPORTED
    }
  }

  /** Where MIDI input stands. */
  get status(): MidiStatus {
    return this.#status
  }

  /** The inputs plugged in now. */
  get inputs(): readonly MidiDevice[] {
    return this.#inputs
  }

  /** The input listened to, if any. */
  get current(): MidiDevice | undefined {
    return this.#current
  }

  /** The remembered choice (an input that may be unplugged now, or 'none'); undefined when never chosen. */
  get choice(): MidiChoice | undefined {
    return this.#choice
  }

  /** Why MIDI input is not available, when it is not. */
  get problem(): string | undefined {
    return this.#problem
  }

  /** At start: opens MIDI without asking where it was allowed before, or an input was chosen before; else waits for enable(). */
  async connect(): Promise<void> {
    if (this.#status !== 'idle') return
    const permission = await this.env.permission?.().catch(() => undefined)
    if (permission === 'granted' || (this.#choice !== undefined && permission !== 'denied')) await this.enable()
  }

  /** Opens MIDI (the browser may ask the player; sysex is never asked for) and listens to the chosen input. */
  async enable(): Promise<void> {
    const request = this.env.requestAccess
    if (!request || this.#status === 'asking' || this.#status === 'ready') return
    this.#status = 'asking'
    try {
      this.#access = await request({ sysex: false })
    } catch (error) {
      this.#status = 'denied'
      this.#problem = `MIDI access was refused (${error instanceof Error ? error.message : String(error)}). Allow MIDI for this page in the browser's site settings, then connect again.`
      this.say(this.#problem)
      return
    }
    this.#status = 'ready'
    this.#problem = undefined
    this.#access.onstatechange = () => this.#refresh()
    this.#refresh()
    if (this.#inputs.length === 0) this.say('MIDI is on: no keyboard is plugged in yet; it is found as soon as it is.')
  }

  /** Listens to this input (undefined: to none) and remembers the choice. */
  choose(id: string | undefined): void {
    this.#remember(this.#inputs.find((d) => d.id === id) ?? 'none')
    this.#refresh()
  }

  /** Calls `listener` with every key and pedal event of the input listened to; returns the unsubscribe. */
  onEvent(listener: (event: MidiEvent, timeStamp: number) => void): () => void {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }

  /** Calls `listener` when the input listened to goes away (unplugged or switched): keys down then never come up. */
  onLost(listener: () => void): () => void {
    this.#lostListeners.add(listener)
    return () => this.#lostListeners.delete(listener)
  }

  /** Stops listening. */
  dispose(): void {
    this.#listen(undefined)
    if (this.#access) this.#access.onstatechange = null
  }

  #refresh(): void {
    if (!this.#access) return
    this.#inputs = connectedInputs(this.#access)
    const wanted = pickInput(this.#inputs, this.#choice)
    // The first keyboard found, when none was ever chosen, is remembered as if chosen: the same one next time.
    if (wanted && this.#choice === undefined) this.#remember(wanted)
    if (wanted?.id === this.#current?.id) return
    const lost = this.#current
    this.#listen(wanted)
    if (wanted) this.say(`MIDI keyboard “${wanted.name}” connected: play, or press R to record.`)
    else if (lost && this.#choice !== 'none')
      this.say(`MIDI keyboard “${lost.name}” was unplugged; it reconnects when it is plugged back in.`)
  }

  #remember(choice: MidiChoice): void {
    this.#choice = choice
    this.env.storage?.setItem(MIDI_CHOICE_KEY, writeChoice(choice))
  }

  #listen(device: MidiDevice | undefined): void {
    if (this.#port) {
      this.#port.onmidimessage = null
      for (const listener of this.#lostListeners) listener()
    }
    this.#port = device && this.#access ? [...this.#access.inputs.values()].find((p) => p.id === device.id) : undefined
    this.#current = this.#port ? device : undefined
    if (this.#port) this.#port.onmidimessage = (message) => this.#receive(message)
  }

  #receive(message: { data: Uint8Array | null; timeStamp: number }): void {
    const event = parseMidiMessage(message.data)
    if (!event) return
    // Web MIDI stamps messages on the page clock; a missing stamp means "now".
    const at = message.timeStamp > 0 ? message.timeStamp : (this.env.now?.() ?? 0)
    for (const listener of this.#listeners) listener(event, at)
  }
}
