// The strict-CSP group: test/csp/**/*.test.ts on a page served with a strict Content Security Policy and
// Trusted Types enforced, as a security-conscious host page would (see README, "Content Security Policy").
//
//   web-test-runner --config web-test-runner.csp.config.mjs
//
// The policy is sent as a real HTTP header (a <meta> policy cannot carry every directive). The runner page of
// @web/test-runner has two inline scripts of its own (its config and its console capture); a middleware moves
// them to external files on the same origin, so the page runs under exactly POLICY, with no hash or nonce and no
// 'unsafe-inline' anywhere.
import base from './web-test-runner.config.mjs';

/** The Trusted Types policies the kit needs: Lit's (it creates 'lit-html' for its template HTML). */
export const TRUSTED_TYPES_POLICIES = ['lit-html'];

export const POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "require-trusted-types-for 'script'",
  `trusted-types ${TRUSTED_TYPES_POLICIES.join(' ')}`,
].join('; ');

const INLINE_PREFIX = '/__csp-inline__/';
const inlineScripts = new Map();

/** Serves the moved inline scripts, and gives every HTML page the policy with its inline scripts moved out. */
async function strictCsp(context, next) {
  if (context.path.startsWith(INLINE_PREFIX)) {
    const code = inlineScripts.get(context.path.slice(INLINE_PREFIX.length));
    if (code === undefined) return next();
    context.type = 'application/javascript';
    context.body = code;
    return undefined;
  }
  await next();
  if (!context.response.is('html')) return undefined;
  let html =
    typeof context.body === 'string' ? context.body : Buffer.isBuffer(context.body) ? String(context.body) : '';
  if (!html) return undefined;
  html = html.replace(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/g, (whole, attributes = '', code) => {
    if (/\ssrc\s*=/.test(attributes) || !code.trim()) return whole;
    const name = `${inlineScripts.size}.js`;
    inlineScripts.set(name, code);
    return `<script${attributes} src="${INLINE_PREFIX}${name}"></script>`;
  });
  context.body = html;
  context.set('Content-Security-Policy', POLICY);
  context.set('Cache-Control', 'no-store');
  return undefined;
}

export default {
  ...base,
  middleware: [...(base.middleware ?? []), strictCsp],
  groups: [
    {
      name: 'strict CSP + Trusted Types',
      files: 'test/csp/**/*.test.ts',
      testRunnerHtml: (testFramework) =>
        `<!DOCTYPE html><html><head><script src="/test/csp/violations.js"></script></head>` +
        `<body><script type="module" src="${testFramework}"></script></body></html>`,
    },
  ],
};
