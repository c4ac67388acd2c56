import {noChange, nothing} from 'lit';
import {Directive, directive, type ElementPart} from 'lit/directive.js';

/**
 * Like `styleProperties` (src/internal/style-properties.ts: the CSSOM, never a `style` attribute, so a strict
 * Content Security Policy allows it), but writes a property only when its value changed: a re-render that changes
 * nothing leaves the element untouched (no style mutation on every cell and band at each selection change).
 */
class CssVarsDirective extends Directive {
  #last = new Map<string, string>();

  render(_properties: Record<string, string | number>): typeof nothing {
    return nothing;
  }

  override update({element}: ElementPart, [properties]: [Record<string, string | number>]): typeof noChange {
    for (const name in properties) {
      const value = String(properties[name]);
      if (this.#last.get(name) === value) continue;
      this.#last.set(name, value);
      (element as HTMLElement).style.setProperty(name, value);
    }
    return noChange;
  }
}

export const cssVars = directive(CssVarsDirective);
