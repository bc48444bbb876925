import type { FilesResponses, RequestOf, ResponseOf } from '../shared/ipc/index.ts'
import type { FileService } from './files/fileService.ts'

/** The channels this group answers. */
type FileChannel = keyof FilesResponses

/** One handler per file channel, each with an already validated request. */
export type FileHandlers = { [C in FileChannel]: (request: RequestOf<C>) => Promise<ResponseOf<C>> }

/** The file handlers, calling `files`; without a service (tests of other groups) they answer an error. */
export function createFileHandlers(files: FileService | undefined): FileHandlers {
  if (!files) return unavailable()
  return {
    'file:new': () => files.newFile(),
    'file:open': () => files.open(),
    'file:openRecent': ({ index }) => files.openRecent(index),
    'file:recent': () => files.recentFiles(),
    'file:importBytes': ({ name, bytes }) => files.importBytes(name, bytes),
    'file:launched': () => files.openLaunched(),
    'file:savedByPage': ({ name, bytes }) => files.savedByPage(name, bytes),
    'file:save': ({ song, saveAs }) => files.save(song, saveAs),
    'file:exportMidi': ({ song, suggestedName }) => files.exportMidi(song, suggestedName),
    'file:exportAudio': ({ wav, suggestedName }) => files.exportAudio(wav, suggestedName),
    'document:state': async ({ dirty, name }) => files.setState(dirty, name),
    'autosave:write': ({ song }) => files.writeAutosave(song),
    'autosave:check': () => files.checkAutosave(),
    'autosave:restore': () => files.restoreAutosave(),
    'autosave:discard': () => files.discardAutosave(),
  }
}

function unavailable(): FileHandlers {
  const answer = async (): Promise<{ ok: false; error: string }> => ({ ok: false, error: 'files are not available in this session' })
  return {
    'file:new': answer,
    'file:open': answer,
    'file:openRecent': answer,
    'file:recent': answer,
    'file:importBytes': answer,
    'file:launched': answer,
    'file:savedByPage': answer,
    'file:save': answer,
    'file:exportMidi': answer,
    'file:exportAudio': answer,
    'document:state': answer,
    'autosave:write': answer,
    'autosave:check': answer,
    'autosave:restore': answer,
    'autosave:discard': answer,
  }
}
