import * as tonejs from '@tonejs/midi'

// Plain Node resolves @tonejs/midi to its UMD build, whose exports Node finds only under `default`;
// bundlers and vitest pick its ES build with named exports. Take the class from whichever we got.
const loaded: typeof tonejs = 'Midi' in tonejs ? tonejs : (tonejs as unknown as { default: typeof tonejs }).default

/** The @tonejs/midi Midi class, however the module was loaded. */
export const Midi = loaded.Midi
