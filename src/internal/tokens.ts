import {css, unsafeCSS, type CSSResult} from 'lit';

/**
 * The kit's global design tokens: `tokens` is the first entry of every element's `static styles` (`<agent-session>`:
 * `sessionTokens`, the part of it the session reads).
 *
 * Hosts theme the kit with the public `--ck-*` custom properties (docs/theming.md lists them with their defaults).
 * Custom properties inherit into shadow roots, so a host sets them once, on `:root`, on `<agent-session>` or on any
 * container. This block never declares a public `--ck-*` property itself (a declaration on `:host` would beat the
 * value a page sets on an ancestor); it resolves each one, with its default, into a private `--_ck-*` property the
 * element's own styles read. Per-element tokens (`--ck-<tag>-*`) fall back to these.
 *
 * Colours are `light-dark(light, dark)` pairs: which one applies follows the element's `color-scheme`, which is
 * `--ck-color-scheme` when set (`<agent-session theme="dark">` sets it) and otherwise the page's own
 * `color-scheme`, inherited (an invalid-at-computed-value-time `var()` of an inherited property means `inherit`).
 * A page that declares `color-scheme: light dark` gets the kit in dark when the system prefers dark; a page that
 * declares nothing stays light, like the page itself.
 *
 * The lines below document each global token once: custom-elements-manifest.config.mjs adds the ones an element
 * reads to that element's `cssProperties` (as `[global]` entries), so elements never repeat them in their JSDoc. Add a
 * token here and in the block below together (the manifest build fails when they differ).
 *
 * @cssproperty --ck-color-scheme - Colour scheme of the kit: `light`, `dark` or `light dark` (follow the system). `<agent-session theme>` sets it. Default none (the page's `color-scheme` applies).
 * @cssproperty --ck-font-family - Font family. Default `system-ui, sans-serif`.
 * @cssproperty --ck-font-size - Base font size. Default `0.875rem`.
 * @cssproperty --ck-line-height - Base line height. Default `1.4`.
 * @cssproperty --ck-font - The whole `font` shorthand (wins over the three above). Default `var(--ck-font-size)/var(--ck-line-height) var(--ck-font-family)`.
 * @cssproperty --ck-color-text - Body text. Default `#1f2328` / `#e6e8eb` (light / dark).
 * @cssproperty --ck-color-muted - Secondary text, field borders. Default `#4b5563` / `#b6bcc4` (light / dark).
 * @cssproperty --ck-color-surface - Surfaces: rows, panels, dialogs, toasts. Default `#ffffff` / `#1b1e22` (light / dark).
 * @cssproperty --ck-color-surface-2 - Subtle surfaces: list backgrounds, messages, hover. Default `#f1f3f5` / `#2a2d31` (light / dark).
 * @cssproperty --ck-color-border - Borders and dividers. Default `#d0d7de` / `#3d444d` (light / dark).
 * @cssproperty --ck-color-accent - Accent: primary buttons, today, links. Default `#1d4ed8` / `#60a5fa` (light / dark).
 * @cssproperty --ck-color-on-accent - Text on the accent colour. Default `#ffffff` / `#0b1220` (light / dark).
 * @cssproperty --ck-color-selected - Selected item (slot, day). Default `var(--ck-color-accent)`.
 * @cssproperty --ck-color-on-selected - Text on a selected item. Default `var(--ck-color-on-accent)`.
 * @cssproperty --ck-color-selected-surface - Background of a selected row or option. Default `#dbeafe` / `#1e3a5f` (light / dark).
 * @cssproperty --ck-color-available - Text of an available slot. Default `#1e3a8a` / `#dbeafe` (light / dark).
 * @cssproperty --ck-color-available-surface - Background of an available slot. Default `#dbeafe` / `#1e3a5f` (light / dark).
 * @cssproperty --ck-color-unavailable - Text of an unavailable slot. Default `#4b5563` / `#b6bcc4` (light / dark).
 * @cssproperty --ck-color-unavailable-surface - Background of an unavailable slot. Default `#f1f3f5` / `#2a2d31` (light / dark).
 * @cssproperty --ck-color-warning - Warnings, waiting states (logout countdown). Default `#8a5a00` / `#f5c451` (light / dark).
 * @cssproperty --ck-color-warning-surface - Background of a warning. Default `#fff4d6` / `#3d3112` (light / dark).
 * @cssproperty --ck-color-due - A callback whose reminder is showing. Default `var(--ck-color-warning)`.
 * @cssproperty --ck-color-due-surface - Background of a due callback. Default `var(--ck-color-warning-surface)`.
 * @cssproperty --ck-color-danger - Errors, overdue, destructive actions. Default `#b3261e` / `#ffb4ab` (light / dark).
 * @cssproperty --ck-color-on-danger - Text on the danger colour. Default `#ffffff` / `#1b1e22` (light / dark).
 * @cssproperty --ck-color-danger-surface - Background of an error message. Default `#fdecea` / `#3b1613` (light / dark).
 * @cssproperty --ck-color-success - Confirmations. Default `#1a7f37` / `#3fb950` (light / dark).
 * @cssproperty --ck-color-success-surface - Background of a confirmation. Default `#dcfce7` / `#12311c` (light / dark).
 * @cssproperty --ck-color-info - Informational notices. Default `#1e3a8a` / `#dbeafe` (light / dark).
 * @cssproperty --ck-color-info-surface - Background of a notice. Default `#eff6ff` / `#172554` (light / dark).
 * @cssproperty --ck-space-1 - Spacing step 1. Default `0.25rem`.
 * @cssproperty --ck-space-2 - Spacing step 2. Default `0.5rem`.
 * @cssproperty --ck-space-3 - Spacing step 3. Default `0.75rem`.
 * @cssproperty --ck-space-4 - Spacing step 4. Default `1rem`.
 * @cssproperty --ck-space-5 - Spacing step 5. Default `1.5rem`.
 * @cssproperty --ck-space-6 - Spacing step 6. Default `2rem`.
 * @cssproperty --ck-radius - Corner radius. Default `6px`.
 * @cssproperty --ck-shadow - Shadow of floating surfaces (toast, popover). Default `0 4px 16px` black at 18% / 50% (light / dark).
 * @cssproperty --ck-focus-ring - Keyboard focus outline. Default `2px solid #1d4ed8` / `2px solid #93c5fd` (light / dark).
 * @cssproperty --ck-focus-ring-offset - Distance of the focus outline. Default `2px`.
 * @cssproperty --ck-grid-max-height - Caps the height of `<timeslot-grid>`'s slots (week or day list); they scroll inside. Default `none`.
 */
/**
 * The tokens `<agent-session>` reads (type, text, surfaces, the danger colours, two spacing steps and the radius: its
 * forced-theme surface and its error banner), so a page with the session alone does not download the rest.
 * `tokens` starts with them: every other element gets the whole block.
 */
export const sessionTokens = css`
  :host {
    color-scheme: var(--ck-color-scheme);

    /* Type */
    --_ck-font-family: var(--ck-font-family, system-ui, sans-serif);
    --_ck-font-size: var(--ck-font-size, 0.875rem);
    --_ck-line-height: var(--ck-line-height, 1.4);
    --_ck-font: var(--ck-font, var(--_ck-font-size) / var(--_ck-line-height) var(--_ck-font-family));

    /* Colour roles */
    --_ck-color-text: var(--ck-color-text, light-dark(#1f2328, #e6e8eb));
    --_ck-color-surface: var(--ck-color-surface, light-dark(#ffffff, #1b1e22));
    --_ck-color-surface-2: var(--ck-color-surface-2, light-dark(#f1f3f5, #2a2d31));
    --_ck-color-danger: var(--ck-color-danger, light-dark(#b3261e, #ffb4ab));
    --_ck-color-danger-surface: var(--ck-color-danger-surface, light-dark(#fdecea, #3b1613));

    /* Spacing, shape */
    --_ck-space-2: var(--ck-space-2, 0.5rem);
    --_ck-space-3: var(--ck-space-3, 0.75rem);
    --_ck-radius: var(--ck-radius, 6px);
  }
`;

/**
 * Every global token: `sessionTokens`, then the rest. The first entry of every element's `static styles`.
 *
 * Built by a call marked pure, from a plain string (minified like a css`` template, scripts/minify-templates.mjs),
 * so a bundle that never reads `tokens` (`<agent-session>` alone) drops the rest: a css`` template would be kept,
 * since bundlers cannot know that a tag function has no side effects.
 */
export const tokens: CSSResult = /* @__PURE__ */ withTokens(
  sessionTokens,
  /* css */ `
  :host {
    /* Colour roles */
    --_ck-color-muted: var(--ck-color-muted, light-dark(#4b5563, #b6bcc4));
    --_ck-color-border: var(--ck-color-border, light-dark(#d0d7de, #3d444d));
    --_ck-color-accent: var(--ck-color-accent, light-dark(#1d4ed8, #60a5fa));
    --_ck-color-on-accent: var(--ck-color-on-accent, light-dark(#ffffff, #0b1220));
    --_ck-color-selected: var(--ck-color-selected, var(--_ck-color-accent));
    --_ck-color-on-selected: var(--ck-color-on-selected, var(--_ck-color-on-accent));
    --_ck-color-selected-surface: var(--ck-color-selected-surface, light-dark(#dbeafe, #1e3a5f));
    --_ck-color-available: var(--ck-color-available, light-dark(#1e3a8a, #dbeafe));
    --_ck-color-available-surface: var(--ck-color-available-surface, light-dark(#dbeafe, #1e3a5f));
    --_ck-color-unavailable: var(--ck-color-unavailable, light-dark(#4b5563, #b6bcc4));
    --_ck-color-unavailable-surface: var(--ck-color-unavailable-surface, light-dark(#f1f3f5, #2a2d31));
    --_ck-color-warning: var(--ck-color-warning, light-dark(#8a5a00, #f5c451));
    --_ck-color-warning-surface: var(--ck-color-warning-surface, light-dark(#fff4d6, #3d3112));
    --_ck-color-due: var(--ck-color-due, var(--_ck-color-warning));
    --_ck-color-due-surface: var(--ck-color-due-surface, var(--_ck-color-warning-surface));
    --_ck-color-on-danger: var(--ck-color-on-danger, light-dark(#ffffff, #1b1e22));
    --_ck-color-success: var(--ck-color-success, light-dark(#1a7f37, #3fb950));
    --_ck-color-success-surface: var(--ck-color-success-surface, light-dark(#dcfce7, #12311c));
    --_ck-color-info: var(--ck-color-info, light-dark(#1e3a8a, #dbeafe));
    --_ck-color-info-surface: var(--ck-color-info-surface, light-dark(#eff6ff, #172554));

    /* Spacing, shape, depth, focus */
    --_ck-space-1: var(--ck-space-1, 0.25rem);
    --_ck-space-4: var(--ck-space-4, 1rem);
    --_ck-space-5: var(--ck-space-5, 1.5rem);
    --_ck-space-6: var(--ck-space-6, 2rem);
    --_ck-shadow: var(--ck-shadow, 0 4px 16px light-dark(rgb(0 0 0 / 0.18), rgb(0 0 0 / 0.5)));
    --_ck-focus-ring: var(--ck-focus-ring, 2px solid light-dark(#1d4ed8, #93c5fd));
    --_ck-focus-ring-offset: var(--ck-focus-ring-offset, 2px);

    /* Layout caps */
    --_ck-grid-max-height: var(--ck-grid-max-height, none);
  }
`,
);

/** `base` followed by more declarations, as one style sheet. */
function withTokens(base: CSSResult, more: string): CSSResult {
  return unsafeCSS(base.cssText + more);
}
