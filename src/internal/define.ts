/** Each kit element class -> the kit's tag for it (even when a host registered it, or a subclass, under its own). */
const kitTags = new WeakMap<CustomElementConstructor, string>();

/**
 * Registers a custom element unless the tag is already taken, so two bundles of the kit on one page (or a
 * module evaluated twice) never throw. A host that wants its own tag registers the exported class itself:
 * `customElements.define('acme-agent-session', class extends AgentSessionElement {})`.
 */
export function defineElement(tag: string, element: CustomElementConstructor): void {
  kitTags.set(element, tag);
  const registry = (globalThis as {customElements?: CustomElementRegistry}).customElements;
  if (!registry || registry.get(tag)) return;
  registry.define(tag, element);
}

/** The kit's tag of an element: of its class, else of the nearest kit class it extends (a host's subclass). */
export function kitTagOf(element: HTMLElement): string | undefined {
  for (let c: unknown = element.constructor; typeof c === 'function'; c = Object.getPrototypeOf(c)) {
    const tag = kitTags.get(c as CustomElementConstructor);
    if (tag) return tag;
  }
  return undefined;
}
