/** What a file saved from the page holds. */
export type SaveKind = 'midi' | 'wav'

/** A file the File System Access API lets the page write (typed here: lib.dom lacks the pickers). */
export interface WritableFileHandle {
  readonly name: string
  createWritable(): Promise<{ write(data: Blob): Promise<void>; close(): Promise<void> }>
}

/** The browser's save picker (window.showSaveFilePicker), where there is one. */
export type SavePicker = (options: {
  suggestedName: string
  types: { description: string; accept: Record<string, string[]> }[]
}) => Promise<WritableFileHandle>

/** Where the page's saves go: the save picker where the browser has one, a download otherwise. */
export interface SaveTarget {
  picker?: SavePicker | undefined
  download(blob: Blob, name: string): void
}

/** How a save from the page ended; `handle` lets the next Save write to the same file without asking. */
export type PageSave = { canceled: true } | { canceled: false; name: string; handle?: WritableFileHandle }

const types: Record<SaveKind, { description: string; accept: Record<string, string[]>; mime: string }> = {
  midi: { description: 'MIDI file', accept: { 'audio/midi': ['.mid'] }, mime: 'audio/midi' },
  wav: { description: 'WAV audio', accept: { 'audio/wav': ['.wav'] }, mime: 'audio/wav' },
}

/**
 * Writes bytes where the user chooses: to `handle` when given (Save after a first save), else through
 * the save picker, else as a download named `suggestedName`. Closing the picker is a cancel.
 */
export async function saveBytes(
  bytes: Uint8Array,
  suggestedName: string,
  kind: SaveKind,
  target: SaveTarget,
  handle?: WritableFileHandle,
): Promise<PageSave> {
  const { description, accept, mime } = types[kind]
  const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mime })
  let chosen = handle
  if (!chosen && target.picker) {
    try {
      chosen = await target.picker({ suggestedName, types: [{ description, accept }] })
    } catch (error) {
      if (error instanceof Error && error.name === 'AbortError') return { canceled: true }
      throw error
    }
  }
  if (!chosen) {
    target.download(blob, suggestedName)
    return { canceled: false, name: suggestedName }
  }
  const writable = await chosen.createWritable()
  await writable.write(blob)
  await writable.close()
  return { canceled: false, name: chosen.name, handle: chosen }
}

/** This browser's save target: showSaveFilePicker where it exists (Chromium), a download link otherwise. */
export function browserSaveTarget(win: Window = window): SaveTarget {
  const picker = (win as unknown as { showSaveFilePicker?: SavePicker }).showSaveFilePicker
  return {
    picker: typeof picker === 'function' ? picker.bind(win) : undefined,
    download(blob, name) {
      const url = URL.createObjectURL(blob)
      const link = Object.assign(win.document.createElement('a'), { href: url, download: name, hidden: true })
      win.document.body.append(link)
      link.click()
      link.remove()
      // The download has its own copy by the time a minute has passed.
      setTimeout(() => URL.revokeObjectURL(url), 60_000)
    },
  }
}

/** Asks for a MIDI file with the browser's file chooser; resolves to undefined when the user closes it. */
export function pickMidiFile(doc: Document = document): Promise<File | undefined> {
  return new Promise((resolve) => {
    const input = Object.assign(doc.createElement('input'), { type: 'file', accept: '.mid,.midi,.rmi,.kar,audio/midi', hidden: true })
    const done = (file: File | undefined): void => {
      input.remove()
      resolve(file)
    }
    input.addEventListener('change', () => done(input.files?.[0]), { once: true })
    input.addEventListener('cancel', () => done(undefined), { once: true })
    doc.body.append(input)
    input.click()
  })
}
