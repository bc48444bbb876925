import { describeReport, type ImportReport } from '$shared/midi/report.ts'

/**
 * The import report as sentences for the notice shown after opening a file: what was kept, then one
 * sentence per change or omission. A clean file gives a single sentence.
 */
export function formatImportReport(report: ImportReport): string[] {
  const notes = report.notesKept === 1 ? '1 note' : `${report.notesKept.toLocaleString('en')} notes`
  // No track count here: the file's chunk count includes the conductor track and would confuse.
  const summary = `Read ${notes} (MIDI format ${report.format}).`
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
