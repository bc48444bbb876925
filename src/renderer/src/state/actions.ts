import { barStartTick } from '$shared/music/bars.ts'
import { copyNotes, duplicateNotes, pasteNotes } from '../commands/clipboard.ts'
import { changeVelocity, deleteNotes, moveNotes, quantizeSelection, transposeNotes } from '../commands/notes.ts'
import { gridTicks } from '../commands/snap.ts'
import type { ActionId } from '../keys/shortcuts.ts'
import { songExtent } from '../pianoroll/extent.ts'
import { allNoteIds } from './editorSong.ts'
import type { Workspace } from './workspace.svelte.ts'

/** Turns an action (a key, a menu item, a button) into what it does: a command, a view change, playback. */
export function runAction(ws: Workspace, action: ActionId): void {
  const e = ws.editor
  const sel = e.selection
  switch (action) {
    case 'playStop':
      return ws.playing ? ws.stop() : void ws.play(ws.playFrom(false))
    case 'playSelection':
      return void ws.play(ws.playFrom(true))
    case 'record':
      if (ws.recorder.active) return ws.recorder.stop()
      if (!ws.midi.current) return ws.say(ws.midi.problem ?? 'Connect a MIDI keyboard first: MIDI in the toolbar.', 12)
      if (ws.playing) ws.stop()
      return void ws.recorder.start(ws.playFrom(false))
    case 'toggleMetronome':
      ws.setMetronome(!ws.metronome)
      return ws.say(`Metronome ${ws.metronome ? 'on' : 'off'}.`, 3)
    case 'toggleLoop':
      ws.setLoop(!ws.loop)
      if (ws.loop && !e.bars) ws.say('Loop is on: select bars on the ruler to loop them.')
      if (ws.playing) void ws.play(ws.playFrom(true))
      return
    case 'toolDraw':
      return ws.setTool('draw')
    case 'toolSelect':
      return ws.setTool('select')
    case 'toolErase':
      return ws.setTool('erase')
    case 'undo':
    case 'redo':
      // A take is written when recording stops: stop first, so undo takes it back.
      if (ws.recorder.active) ws.recorder.stop()
      return action === 'undo' ? e.undo() : e.redo()
    case 'cut':
      ws.clipboard = copyNotes(e.song, sel)
      return e.apply((song) => deleteNotes(song, sel))
    case 'copy':
      ws.clipboard = copyNotes(e.song, sel)
      ws.say(sel.size ? `Copied ${sel.size} note${sel.size === 1 ? '' : 's'}.` : 'Nothing selected to copy.')
      return
    case 'paste':
      return e.apply((song) => pasteNotes(song, ws.clipboard, e.bars ? barStartTick(song, e.bars.start) : ws.cursorTick))
    case 'duplicate':
      return e.apply((song) => duplicateNotes(song, sel, ws.step))
    case 'delete':
      return e.apply((song) => deleteNotes(song, sel))
    case 'selectAll':
      return e.select(allNoteIds(e.song))
    case 'transposeUp':
    case 'transposeDown':
    case 'octaveUp':
    case 'octaveDown': {
      const semitones = { transposeUp: 1, transposeDown: -1, octaveUp: 12, octaveDown: -12 }[action]
      if (sel.size === 0) return ws.viewport.scrollBy(0, -Math.sign(semitones) * ws.viewport.view.keyHeight * 3)
      e.apply((song) => transposeNotes(song, sel, semitones))
      const first = e.selectedNotes[0]
      if (first) ws.audition(first.pitch, first.velocity)
      return
    }
    case 'nudgeLeft':
    case 'nudgeRight': {
      const dt = action === 'nudgeLeft' ? -ws.step : ws.step
      if (sel.size === 0) return ws.viewport.scrollBy(dt * ws.viewport.view.pxPerTick * 4, 0)
      return e.apply((song) => moveNotes(song, sel, dt, 0))
    }
    case 'velocityUp':
      return e.apply((song) => changeVelocity(song, sel, 8))
    case 'velocityDown':
      return e.apply((song) => changeVelocity(song, sel, -8))
    case 'quantize':
      return e.apply((song) =>
        quantizeSelection(song, sel, gridTicks(ws.grid === 'off' ? { division: 16, triplet: false } : ws.grid, song.ppq)),
      )
    case 'zoomIn':
      return ws.viewport.zoomX(1.25)
    case 'zoomOut':
      return ws.viewport.zoomX(0.8)
    case 'fit':
      return ws.viewport.fit(e.song)
    case 'zoomKeysIn':
      return ws.viewport.zoomY(1.2)
    case 'zoomKeysOut':
      return ws.viewport.zoomY(1 / 1.2)
    case 'home':
      return ws.viewport.scrollToTick(0)
    case 'end':
      return ws.viewport.scrollToTick(songExtent(e.song).end, 0.9)
    case 'continue':
      return void ws.continueSelection()
    case 'nextCandidate':
    case 'previousCandidate':
      ws.continuation.cycle(action === 'nextCandidate' ? 1 : -1)
      // Cycling while auditioning auditions the next one: compare them by ear.
      if (ws.playing && ws.auditioning) ws.auditionCandidate()
      return
    case 'acceptCandidate':
      return ws.continuation.accept()
    case 'auditionCandidate':
      return ws.auditionCandidate()
    case 'escape':
      if (ws.helpOpen) return ws.setHelpOpen(false)
      if (ws.continuation.running) return ws.continuation.cancel()
      if (ws.continuation.shown) return ws.continuation.discard()
      e.select([])
      e.selectBars(undefined)
      return
    case 'help':
      return ws.setHelpOpen(!ws.helpOpen)
    case 'new':
      return ws.withFiles((f) => f.newSong())
    case 'open':
      return ws.withFiles((f) => f.open())
    case 'save':
      return ws.withFiles((f) => f.save())
    case 'saveAs':
      return ws.withFiles((f) => f.saveAs())
    case 'exportMidi':
      return ws.withFiles((f) => f.exportMidi())
    case 'exportAudio':
      return ws.withFiles((f) => f.exportAudio())
  }
}
