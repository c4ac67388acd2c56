// @web/test-runner on the machine's Chromium (never a downloaded browser): see TOOLCHAIN.md.
import {esbuildPlugin} from '@web/dev-server-esbuild';
import {chromeLauncher} from '@web/test-runner-chrome';
import {CHROMIUM_ARGS, findChromium} from './scripts/chromium.mjs';
import {forcedColorsPlugin} from './test/plugins/forced-colors.mjs';
import {referenceServerPlugin} from './test/http/reference-server-plugin.mjs';
import {offlineChunksPlugin} from './test/plugins/offline-chunks.mjs';
import {screenshotPlugin} from './test/plugins/screenshot.mjs';

const args = [
  ...CHROMIUM_ARGS,
  // several test pages run at once: keep timers, rAF and focus alive in the ones not in front
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
];

/** Runs the core suite a second time on temporal-polyfill inside the browser (the default group uses native Temporal). */
const forcePolyfill = `<script>globalThis.__CALLBACK_KIT_FORCE_TEMPORAL_POLYFILL__ = true;</script>`;

// WTR_FILES="test/components/x.test.ts" runs just those files (one group), e.g. while working on one element.
const only = process.env.WTR_FILES;

export default {
  nodeResolve: {exportConditions: ['development', 'browser']},
  // forcedColorsPlugin: the `emulate-forced-colors` command (test/components/theming.test.ts)
  plugins: [
    esbuildPlugin({ts: true, target: 'es2022', tsconfig: 'tsconfig.json'}),
    forcedColorsPlugin(),
    referenceServerPlugin(),
    offlineChunksPlugin(), // the `offline-chunks` command (test/components/virtualizer-offline.test.ts)
    screenshotPlugin(), // the `screenshot` command: PNG artifacts under test-results/ (test/components/host-layouts.test.ts)
  ],
  browsers: [chromeLauncher({launchOptions: {executablePath: findChromium(), headless: true, args}})],
  concurrency: 1, // keyboard and focus tests need the page in front: one page at a time
  // A suite that holds under load (issue 18; CONTRIBUTING.md, "Running the tests under load"): on a busy 2-core
  // machine a page can take far longer than the defaults to start its tests (20 s: "Browser tests did not start
  // after 20000ms") and a test far longer than 10 s. The tests wait for conditions, never for fixed delays, so
  // generous limits cost nothing when all is well; they only bound a test that really hangs (axe over a
  // whole desk of elements takes over 30 s at load 24).
  browserStartTimeout: 120_000,
  testsStartTimeout: 120_000,
  testsFinishTimeout: 900_000,
  testFramework: {config: {timeout: 60_000}},
  groups: only
    ? [{name: 'selected', files: only.split(',')}]
    : [
        {name: 'core (native Temporal)', files: 'test/core/**/*.test.ts'},
        {
          name: 'core (temporal-polyfill in the browser)',
          files: 'test/core/**/*.test.ts',
          testRunnerHtml: (testFramework) =>
            `<html><body>${forcePolyfill}<script type="module" src="${testFramework}"></script></body></html>`,
        },
        {name: 'components', files: 'test/components/**/*.test.ts'},
        {name: 'http (HttpBackend against the reference server)', files: 'test/http/**/*.test.ts'},
      ],
};
