import {noChange, nothing} from 'lit';
import {Directive, directive, type ElementPart} from 'lit/directive.js';

/** CSS properties (custom `--x` or standard kebab-case) and their values; `null` removes one. */
export type StyleProperties = Record<string, string | number | null>;

/**
 * Sets CSS properties on an element through the CSSOM (`style.setProperty`), never through a `style` attribute:
 * hosts with a strict Content Security Policy (`style-src 'self'`, no `'unsafe-inline'`) block style attributes,
 * including the one Lit's `styleMap` writes on first render. Element position only, with the same keys on every
 * render: `` html`<div ${styleProperties({'--order': 3})}></div>` ``.
 */
class StylePropertiesDirective extends Directive {
  render(_properties: StyleProperties): typeof nothing {
    return nothing;
  }

  override update({element}: ElementPart, [properties]: [StyleProperties]): typeof noChange {
    for (const name in properties) {
      const value = properties[name];
      if (value === null) (element as HTMLElement).style.removeProperty(name);
      else (element as HTMLElement).style.setProperty(name, String(value));
    }
    return noChange;
  }
}

export const styleProperties = directive(StylePropertiesDirective);
