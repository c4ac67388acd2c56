// custom-elements.json, read by Storybook's autodocs, the README's API tables and editors (package.json `customElements`).

/**
 * The analyzer records `this.dispatchEvent(new SomeEvent(...))` as an event without a name; the named entries come
 * from the `@event` JSDoc. Drop the unnamed ones so docs and tools list each event once. When the constructor's
 * first argument is an identifier (`new DispositionSelectEvent(d)`), the analyzer takes it for the event's name
 * (an event "d"): an undescribed entry whose class a documented event already names is dropped too.
 */
const dropUnnamedEvents = {
  name: 'callback-kit-drop-unnamed-events',
  packageLinkPhase({customElementsManifest}) {
    for (const module of customElementsManifest.modules ?? []) {
      for (const declaration of module.declarations ?? []) {
        if (!declaration.events) continue;
        const documented = new Set(declaration.events.filter((e) => e.description).map((e) => e.type?.text));
        declaration.events = declaration.events.filter(
          (event) => event.name && (event.description || !documented.has(event.type?.text)),
        );
      }
    }
  },
};

export default {
  // kit-element.ts: the base class's public properties (backend, clock, agent, policy, locale) are inherited members.
  globs: ['src/components/**/*.ts', 'src/events/**/*.ts', 'src/internal/kit-element.ts'],
  exclude: ['src/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  plugins: [dropUnnamedEvents],
};
