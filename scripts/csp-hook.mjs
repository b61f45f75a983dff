// Trunk post-build hook: pins a strict Content-Security-Policy into the built index.html.
// The only inline script is Trunk's module loader; its sha256 is computed here from the
// exact bytes written, never hand-copied, so the policy stays right when Trunk changes it.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import { stagingDir } from "./staging.mjs";

const dir = stagingDir("csp-hook");
const file = join(dir, "index.html");
const html = readFileSync(file, "utf8");

const hashes = [];
for (const m of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
  hashes.push(`'sha256-${createHash("sha256").update(m[1], "utf8").digest("base64")}'`);
}

const policy = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(" ")}`.trim(),
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join("; ");

if (html.includes('http-equiv="Content-Security-Policy"')) {
  console.error("csp-hook: index.html already has a CSP meta tag");
  process.exit(1);
}
const out = html.replace(/<head>/, `<head>\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`);
if (out === html) {
  console.error("csp-hook: no <head> in index.html");
  process.exit(1);
}
writeFileSync(file, out);
console.log(`csp-hook: ${hashes.length} inline script(s) hashed`);
