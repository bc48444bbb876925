import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempFolder } from '#fixtures/tempFolders.ts'
import { contentSecurityPolicy } from './csp.ts'
import { contentType, resolveStatic } from './staticFiles.ts'

describe('resolveStatic', () => {
  const outside = tempFolder('np-outside-')
  const root = tempFolder('np-renderer-')
  writeFileSync(join(root, 'index.html'), '<html></html>')
  mkdirSync(join(root, 'assets'))
  writeFileSync(join(root, 'assets', 'index-1.js'), '1')
  writeFileSync(join(outside, 'secret.txt'), 'secret')
  symlinkSync(join(outside, 'secret.txt'), join(root, 'assets', 'link.txt'))

  it('serves index.html for / and the files under the root', async () => {
    await expect(resolveStatic(root, '/')).resolves.toBe(join(root, 'index.html'))
    await expect(resolveStatic(root, '/assets/index-1.js')).resolves.toBe(join(root, 'assets', 'index-1.js'))
  })

  it('names nothing outside the root, however the path is spelled', async () => {
    for (const path of [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets%2f..%2f..%2fsecret.txt',
      '/assets/link.txt',
      '/assets',
      '/assets/',
      '/%',
      '/a\\..\\b',
      '/nope.js',
      '//etc/passwd',
      '/assets/index-1.js%00',
    ]) {
      await expect(resolveStatic(root, path), path).resolves.toBeUndefined()
    }
  })

  it('types what the app loads', () => {
    expect(contentType('/x/index-1.js')).toBe('text/javascript; charset=utf-8')
    expect(contentType('C4.mp3')).toBe('audio/mpeg')
    expect(contentType('unknown.bin')).toBe('application/octet-stream')
  })
})

describe('contentSecurityPolicy', () => {
  it('is the built page’s own policy, with framing forbidden', () => {
    const html = `<meta\n      http-equiv="Content-Security-Policy"\n      content="default-src 'self'; worker-src 'self' blob:"\n    />`
    expect(contentSecurityPolicy(html)).toBe("default-src 'self'; worker-src 'self' blob:; frame-ancestors 'none'")
    expect(() => contentSecurityPolicy('<html></html>')).toThrow(/no Content-Security-Policy/)
  })
})
