/**
 * Lets files be dropped on `target` (the window, by default) and hands the first one to `onFile`.
 * The default is prevented so that the page never navigates to a dropped file. Returns the remover.
 */
export function listenForDroppedFiles(onFile: (file: File) => void, target: EventTarget = window): () => void {
  const over = (event: Event): void => {
    const drag = event as DragEvent
    if (!drag.dataTransfer?.types.includes('Files')) return
    event.preventDefault()
    drag.dataTransfer.dropEffect = 'copy'
  }
  const drop = (event: Event): void => {
    const file = (event as DragEvent).dataTransfer?.files[0]
    event.preventDefault()
    if (file) onFile(file)
  }
  target.addEventListener('dragover', over)
  target.addEventListener('drop', drop)
  return () => {
    target.removeEventListener('dragover', over)
    target.removeEventListener('drop', drop)
  }
}
