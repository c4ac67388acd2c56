import type {StorybookConfig} from '@storybook/web-components-vite';

/**
 * Storybook for callback-kit (Storybook 10, Vite 8 builder).
 *
 * - Decorators: the kit uses legacy decorators (`experimentalDecorators: true`, `useDefineForClassFields: false`
 *   in tsconfig.json). Vite 8 transforms TypeScript with Oxc, which reads those two options from tsconfig.json and
 *   lowers legacy decorators itself: no extra plugin is needed.
 * - Top-level await: src/core/temporal.ts awaits the Temporal polyfill import at the top level, which needs an
 *   ES2022 output target. Vite 8 already keeps TLA in dev (source is served as `esnext`); for `storybook build` the
 *   target is set explicitly so a future default (or a browserslist) can never lower it below ES2022. Vite 8
 *   pre-bundles dependencies with Rolldown: `optimizeDeps.esbuildOptions` is deprecated and ignored there, so the
 *   dependency target goes through `optimizeDeps.rolldownOptions.transform.target` instead.
 */
const TARGET = 'es2022';

const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  framework: {name: '@storybook/web-components-vite', options: {}},
  core: {disableTelemetry: true},
  // The "Get started" onboarding checklist is for new Storybook users, not for readers of the kit's docs.
  features: {sidebarOnboardingChecklist: false, menuOnboardingChecklist: false},
  async viteFinal(viteConfig) {
    const rolldownOptions = viteConfig.optimizeDeps?.rolldownOptions ?? {};
    return {
      ...viteConfig,
      // Storybook's own manager-side chunks (axe, docs blocks) pass 500 kB: not something the kit can split.
      build: {...viteConfig.build, target: TARGET, chunkSizeWarningLimit: 1500},
      optimizeDeps: {
        ...viteConfig.optimizeDeps,
        // Storybook's web-components renderer imports `lit/directive-helpers.js`, which the dep scanner does not see
        // (it only crawls stories and preview files): served unbundled in dev, it pulls a second copy of lit-html
        // ("Multiple versions of Lit loaded"). Pre-bundling it puts it on the same lit-html chunk as `lit`.
        include: [...(viteConfig.optimizeDeps?.include ?? []), 'lit/directive-helpers.js'],
        rolldownOptions: {...rolldownOptions, transform: {...rolldownOptions.transform, target: TARGET}},
      },
    };
  },
};

export default config;
