// Loaded first on the strict-CSP test page (web-test-runner.csp.config.mjs): records every Content Security
// Policy and Trusted Types violation of the page from the start, before any test or kit module runs.
window.__cspViolations = [];
document.addEventListener(
  'securitypolicyviolation',
  (event) => {
    window.__cspViolations.push({
      directive: event.effectiveDirective || event.violatedDirective,
      blockedURI: event.blockedURI,
      sourceFile: event.sourceFile,
      line: event.lineNumber,
      sample: event.sample,
      target:
        event.composedPath()[0] instanceof Element
          ? `${event.composedPath()[0].localName}.${event.composedPath()[0].getAttribute('class') ?? ''}`
          : String(event.target),
    });
  },
  true,
);
