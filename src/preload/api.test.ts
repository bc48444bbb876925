import { describe, expect, it } from 'vitest'
import { eventChannels, invokeChannels, type EventChannel } from '../shared/ipc/index.ts'
import { createApi } from './api.ts'

describe('window.api', () => {
  it('has one function per channel and passes invokes and events through', async () => {
    const invoked: unknown[] = []
    const subscribed: EventChannel[] = []
    const api = createApi({
      invoke: async (channel, payload) => void invoked.push([channel, payload]),
      on: (channel) => {
        subscribed.push(channel)
        return () => {}
      },
    })
    expect(Object.keys(api)).toHaveLength(invokeChannels.length + eventChannels.length)
    for (const value of Object.values(api)) expect(typeof value).toBe('function')
    await api.info()
    await api.continue({} as never)
    await api.cancelContinue('r1')
    expect(invoked).toEqual([
      ['app:info', undefined],
      ['model:continue', {}],
      ['model:cancel', { requestId: 'r1' }],
    ])
    api.onMenuCommand(() => {})
    api.onModelStatus(() => {})
    api.onContinueProgress(() => {})
    api.onSaveBeforeClose(() => {})
    api.onDocumentChange(() => {})
    expect(subscribed.sort()).toEqual([...eventChannels].sort())
  })
})
