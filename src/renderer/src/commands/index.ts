/** Every change to the song is one of these plain functions; the Editor makes each one undo step. */
export * from './edit.ts'
export * from './notes.ts'
export * from './clipboard.ts'
export * from './meter.ts'
export * from './snap.ts'
export * from './candidate.ts'
export * from './record.ts'
