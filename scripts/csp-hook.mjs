// Post-build step 2 (scripts/post-build.mjs): pins a strict Content-Security-Policy into
// the page. The inline scripts are Trunk's module loader (scripts/trunk-page.mjs checks
// it's the only one Trunk wrote), as the previous step left it, and that step's `opening`
// script; their sha256 is computed here from the exact bytes written, never hand-copied,
// so the policy stays right when they change.
import { createHash } from 'node:crypto';

import { BuildError } from './trunk-page.mjs';

/** `'sha256-…'` of `text`, as a CSP source expression. */
export const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** `page` with the CSP meta tag (`page.csp`) first in its <head>. */
export function pinCsp(page) {
  if (page.html.includes('http-equiv="Content-Security-Policy"')) throw new BuildError('csp-hook: the page already has a CSP meta tag');
  const policy = [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${sha256(page.loader.body)}${page.opening ? ` ${sha256(page.opening.body)}` : ''}`,
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
  const csp = `<meta http-equiv="Content-Security-Policy" content="${policy}" />`;
  return { ...page, html: page.html.replace('<head>', () => `<head>\n    ${csp}`), csp };
}
