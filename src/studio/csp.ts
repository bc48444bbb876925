/**
 * The Content-Security-Policy the server sends: the one in the built index.html's meta tag (so the
 * browser mode and Electron run under the same policy), plus what only a header can say: that no
 * other page may frame this one.
 */
export function contentSecurityPolicy(indexHtml: string): string {
  const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(indexHtml)
  if (!meta?.[1]) throw new Error('the built index.html has no Content-Security-Policy meta tag')
  return `${meta[1].trim().replace(/;\s*$/, '')}; frame-ancestors 'none'`
}

/** Headers on every answer: the CSP, no sniffing, no referrer, no framing, no use by other origins. */
export function securityHeaders(csp: string): Record<string, string> {
  return {
    'content-security-policy': csp,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
  }
}
