/**
 * Helpers that feed the custom-elements manifest to Storybook's autodocs.
 *
 * The manifest lists every class member, private and protected ones included, and Storybook turns each member
 * into a row of the API table; it also offers an (inert) control for every row, events and CSS parts included.
 * These helpers trim the table to what a host can use and keep controls only where editing one changes the story.
 * The manifest file itself is left untouched (it ships in the package).
 */
import type {Preview} from '@storybook/web-components-vite';

interface ManifestMember {
  kind?: string;
  name?: string;
  privacy?: string;
  static?: boolean;
}

interface ManifestAttribute {
  name?: string;
  fieldName?: string;
}

interface ManifestSlot {
  name?: string;
}

interface ManifestDeclaration {
  tagName?: string;
  members?: ManifestMember[];
  attributes?: ManifestAttribute[];
  slots?: ManifestSlot[];
  cssParts?: ManifestSlot[];
  [key: string]: unknown;
}

interface Manifest {
  modules?: {declarations?: ManifestDeclaration[]; [key: string]: unknown}[];
  [key: string]: unknown;
}

type ArgTypesEnhancer = NonNullable<Preview['argTypesEnhancers']>[number];

function isPublic(member: ManifestMember): boolean {
  return (
    member.privacy !== 'private' &&
    member.privacy !== 'protected' &&
    !member.static &&
    !member.name?.startsWith('#') &&
    !member.name?.startsWith('_')
  );
}

function trim(declaration: ManifestDeclaration): ManifestDeclaration {
  const trimmed = {...declaration};
  if (declaration.members) trimmed.members = declaration.members.filter(isPublic);
  // Storybook drops nameless entries, so the default slot (name "") would vanish from the table.
  if (declaration.slots)
    trimmed.slots = declaration.slots.map((slot) => (slot.name ? slot : {...slot, name: '(default)'}));
  // Storybook keys every row by name: a part named like a property or attribute (campaign-list's `filter`) would
  // replace that property's row. Such a part is listed as `filter (part)`.
  const apiNames = new Set([...(trimmed.members ?? []), ...(declaration.attributes ?? [])].map((item) => item.name));
  if (declaration.cssParts)
    trimmed.cssParts = declaration.cssParts.map((cssPart) =>
      cssPart.name && apiNames.has(cssPart.name) ? {...cssPart, name: `${cssPart.name} (part)`} : cssPart,
    );
  return trimmed;
}

/**
 * A copy of `manifest` for Storybook's API tables: without private, protected, `#`/`_`-prefixed and static
 * members, and with the default slot listed as `(default)`.
 */
export function publicApiOnly<T>(manifest: T): T {
  const source = manifest as Manifest;
  return {
    ...source,
    modules: source.modules?.map((module) => ({...module, declarations: module.declarations?.map(trim)})),
  } as T;
}

/** Table categories that document an element but cannot be set from the Controls panel. */
const DOCUMENTATION_ONLY = new Set(['events', 'slots', 'css shadow parts', 'css custom properties']);

/**
 * An argTypes enhancer that switches off the controls a story cannot honour: events, slots and CSS parts and
 * properties, and every property that mirrors an attribute (its attribute row carries the control). Controls a
 * story sets itself in `argTypes` are kept.
 */
export function quietControls(manifest: unknown): ArgTypesEnhancer {
  const mirrored = new Map<string, Set<string>>();
  for (const module of (manifest as Manifest).modules ?? []) {
    for (const declaration of module.declarations ?? []) {
      if (!declaration.tagName) continue;
      const fields = (declaration.attributes ?? []).map((attribute) => attribute.fieldName);
      mirrored.set(declaration.tagName, new Set(fields.filter((field): field is string => !!field)));
    }
  }
  return ({argTypes, component}) => {
    const fields = typeof component === 'string' ? mirrored.get(component) : undefined;
    return Object.fromEntries(
      Object.entries(argTypes).map(([name, argType]) => {
        const category = argType.table?.category;
        const inert =
          argType.control === undefined &&
          category !== undefined &&
          (DOCUMENTATION_ONLY.has(category) || (category === 'properties' && !!fields?.has(name)));
        return [name, inert ? {...argType, control: false as const} : argType];
      }),
    );
  };
}
