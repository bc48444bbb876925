import type { CommandEntry } from '../command.ts'

/**
 * Every subcommand, in the order --help lists them. Each is imported only when it runs, so that
 * `--help` and `info` start without loading TensorFlow.js or the MIDI code they do not use.
 */
export const commands: CommandEntry[] = [
  { name: 'info', summary: 'print the version and the TensorFlow.js backend in use', load: async () => (await import('./info.ts')).info },
  { name: 'inspect', summary: 'print what the importer makes of a MIDI file: tracks, notes, tempo, meter, report', load: async () => (await import('./inspect.ts')).inspect },
  { name: 'train', summary: 'train or resume an LSTM on piano-roll JSON datasets', load: async () => (await import('./train.ts')).trainCommand },
  { name: 'evaluate', summary: 'frame-level NLL (nats) and expected frame accuracy of a checkpoint on a piano-roll JSON file', load: async () => (await import('./evaluate.ts')).evaluateCommand },
  { name: 'continue', summary: 'continue bars of a MIDI file with the model, writing the candidates as tracks', load: async () => (await import('./continue.ts')).continueCommand },
  { name: 'studio', summary: 'run the editor in your browser, served on 127.0.0.1', load: async () => (await import('./studio.ts')).studioCommand },
]
