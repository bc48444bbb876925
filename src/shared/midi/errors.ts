/** The only error importMidi throws: the file cannot be read as MIDI; the message names the problem. */
export class MidiImportError extends Error {
  override name = 'MidiImportError'
}
