// custom-elements.json, read by Storybook's autodocs, the README's API tables and editors (package.json `customElements`).

/**
 * The analyzer records `this.dispatchEvent(new SomeEvent(...))` as an event without a name; the named entries come
 * from the `@event` JSDoc. Drop the unnamed ones so docs and tools list each event once.
 */
const dropUnnamedEvents = {
  name: 'callback-kit-drop-unnamed-events',
  packageLinkPhase({customElementsManifest}) {
    for (const module of customElementsManifest.modules ?? []) {
      for (const declaration of module.declarations ?? []) {
        if (declaration.events) declaration.events = declaration.events.filter((event) => event.name);
      }
    }
  },
};

export default {
  globs: ['src/components/**/*.ts', 'src/events/**/*.ts'],
  exclude: ['src/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  plugins: [dropUnnamedEvents],
};
