/** The user's answer about unsaved changes, as Electron's message box gives it. */
export type UnsavedChoice = 'save' | 'discard' | 'cancel'

/**
 * Asks, in the page, whether to save the changes to `name` before they are replaced: the browser
 * mode's stand-in for the native Save / Don't Save / Cancel box. Escape or closing it is Cancel.
 */
export function askToSave(name: string, doc: Document = document): Promise<UnsavedChoice> {
  const dialog = doc.createElement('dialog')
  dialog.dataset.testid = 'unsaved-question'
  dialog.setAttribute('aria-label', 'Unsaved changes')
  const question = doc.createElement('p')
  question.append(Object.assign(doc.createElement('strong'), { textContent: `Save the changes to “${name}”?` }))
  const detail = Object.assign(doc.createElement('p'), { textContent: 'Your changes will be lost if you do not save them.' })
  const form = Object.assign(doc.createElement('form'), { method: 'dialog' })
  form.style.cssText = 'display:flex;gap:8px;justify-content:flex-end'
  const buttons: [UnsavedChoice, string][] = [
    ['save', 'Save'],
    ['discard', 'Don’t Save'],
    ['cancel', 'Cancel'],
  ]
  for (const [value, label] of buttons)
    form.append(Object.assign(doc.createElement('button'), { value, textContent: label, className: value === 'save' ? 'primary' : '' }))
  dialog.append(question, detail, form)
  doc.body.append(dialog)
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => {
      dialog.remove()
      const value = dialog.returnValue
      resolve(value === 'save' || value === 'discard' ? value : 'cancel')
    })
    dialog.showModal()
  })
}
