import { describeReport, type ImportReport } from '../../../shared/midi/report.ts'

/**
 * The import report as sentences for the notice shown after opening a file: what was kept, then one
 * sentence per change or omission. A clean file gives a single sentence.
 */
export function formatImportReport(report: ImportReport): string[] {
  const tracks = report.tracksRead === 1 ? '1 track' : `${report.tracksRead} tracks`
  const notes = report.notesKept === 1 ? '1 note' : `${report.notesKept.toLocaleString('en')} notes`
  const summary = `Read ${notes} from ${tracks} (MIDI format ${report.format}).`
  const changes = describeReport(report).map((line) => `${line[0]?.toUpperCase() ?? ''}${line.slice(1)}.`)
  if (report.declaredTracks !== report.tracksRead) {
    changes.push(`The file announced ${report.declaredTracks} tracks; ${report.tracksRead} could be read.`)
  }
  return [summary, ...changes]
}

/** True when the import changed or left out something the user should hear about. */
export function reportHasChanges(report: ImportReport): boolean {
  return describeReport(report).length > 0 || report.declaredTracks !== report.tracksRead
}
