import type { Page } from 'playwright-core'

/** One message the fake keyboard sends: its bytes, at a page time (performance.now, ms). */
export interface FakeMessage {
  at: number
  bytes: number[]
}

/**
 * The init script (page.addInitScript) that gives the page a Web MIDI the test drives, as
 * window.__fakeMidi. Like a browser, it remembers a grant (the Permissions API then answers 'granted'
 * for MIDI), lists ports that come and go with statechange events, and stamps messages on the page
 * clock. Plain JavaScript: it runs in the page as written.
 */
export const fakeMidiScript = `(() => {
  const ports = new Map()
  const access = { inputs: ports, outputs: new Map(), sysexEnabled: false, onstatechange: null }
  const changed = (port) => access.onstatechange && access.onstatechange({ port })
  const requests = []
  Object.defineProperty(navigator, 'requestMIDIAccess', {
    configurable: true,
    value: async (options = {}) => {
      requests.push(options)
      localStorage.setItem('fake-midi-granted', '1')
      return access
    },
  })
  const query = navigator.permissions.query.bind(navigator.permissions)
  navigator.permissions.query = async (descriptor) =>
    descriptor.name === 'midi' ? { state: localStorage.getItem('fake-midi-granted') ? 'granted' : 'prompt' } : query(descriptor)
  window.__fakeMidi = {
    requests,
    plug(id, name) {
      const port = ports.get(id) || { id, name, state: 'connected', type: 'input', onmidimessage: null }
      port.state = 'connected'
      ports.set(id, port)
      changed(port)
    },
    unplug(id) {
      const port = ports.get(id)
      if (!port) return
      port.state = 'disconnected'
      changed(port)
    },
    play(id, messages) {
      for (const { at, bytes } of messages) {
        setTimeout(() => {
          const port = ports.get(id)
          if (port && port.onmidimessage) port.onmidimessage({ data: new Uint8Array(bytes), timeStamp: at })
        }, Math.max(0, at - performance.now()))
      }
    },
  }
})()`

interface FakeMidiWindow {
  __fakeMidi: {
    requests: { sysex?: boolean }[]
    plug(id: string, name: string): void
    unplug(id: string): void
    play(id: string, messages: FakeMessage[]): void
  }
}

/** Plugs a keyboard in (or back in). */
export async function plugKeyboard(page: Page, id: string, name: string): Promise<void> {
  await page.evaluate(([i, n]) => (window as unknown as FakeMidiWindow).__fakeMidi.plug(i, n), [id, name] as const)
}

/** Unplugs a keyboard. */
export async function unplugKeyboard(page: Page, id: string): Promise<void> {
  await page.evaluate((i) => (window as unknown as FakeMidiWindow).__fakeMidi.unplug(i), id)
}

/** Plays messages on a keyboard, each at its page time. */
export async function playKeyboard(page: Page, id: string, messages: FakeMessage[]): Promise<void> {
  await page.evaluate(([i, m]) => (window as unknown as FakeMidiWindow).__fakeMidi.play(i, m), [id, messages] as const)
}

/** The options of every requestMIDIAccess call so far. */
export async function midiRequests(page: Page): Promise<{ sysex?: boolean }[]> {
  return page.evaluate(() => (window as unknown as FakeMidiWindow).__fakeMidi.requests)
}
