/**
 * Registers a custom element unless the tag is already taken, so two bundles of the kit on one page (or a
 * module evaluated twice) never throw. A host that wants its own tag registers the exported class itself:
 * `customElements.define('acme-agent-session', class extends AgentSessionElement {})`.
 */
export function defineElement(tag: string, element: CustomElementConstructor): void {
  const registry = (globalThis as {customElements?: CustomElementRegistry}).customElements;
  if (!registry || registry.get(tag)) return;
  registry.define(tag, element);
}
