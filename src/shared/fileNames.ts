/** A file name without its folder (either slash) and extension; "Untitled" when nothing is left. */
export function fileStem(name: string): string {
  const base = name.replaceAll('\\', '/').split('/').pop() || 'Untitled'
  const dot = base.lastIndexOf('.')
  return dot > 0 ? base.slice(0, dot) : base
}

/** The name a save dialog suggests for a document's MIDI file: "Etude.mid" for "Etude", "Etude.midi" or "Etude.kar". */
export function midiFileName(name: string): string {
  return `${fileStem(name)}.mid`
}

/** The name a save dialog suggests for a document's rendered audio. */
export function wavFileName(name: string): string {
  return `${fileStem(name)}.wav`
}
