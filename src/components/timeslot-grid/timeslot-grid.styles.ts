import {css} from 'lit';

export const styles = css`
  :host {
    --_available-bg: var(
      --ck-timeslot-grid-available-background,
      var(--ck-color-available-surface, light-dark(#dbeafe, #1e3a5f))
    );
    --_available-fg: var(--ck-timeslot-grid-available-color, var(--ck-color-available, light-dark(#1e3a8a, #dbeafe)));
    --_unavailable-bg: var(
      --ck-timeslot-grid-unavailable-background,
      var(--ck-color-unavailable-surface, light-dark(#f1f3f5, #2a2d31))
    );
    --_unavailable-fg: var(
      --ck-timeslot-grid-unavailable-color,
      var(--ck-color-unavailable, light-dark(#4b5563, #b6bcc4))
    );
    --_selected-bg: var(--ck-timeslot-grid-selected-background, var(--ck-color-selected, light-dark(#1d4ed8, #60a5fa)));
    --_selected-fg: var(--ck-timeslot-grid-selected-color, var(--ck-color-on-selected, light-dark(#ffffff, #0b1220)));
    --_focus: var(--ck-focus-ring, 2px solid light-dark(#1d4ed8, #93c5fd));
    --_gap: var(--ck-timeslot-grid-gap, var(--ck-space-1, 0.25rem));
    --_cell-min: var(--ck-timeslot-grid-cell-min-width, 7rem);
    --_radius: var(--ck-radius, 6px);
    --_danger: var(--ck-color-danger, light-dark(#b3261e, #ffb4ab));

    display: block;
    container-type: inline-size;
    color-scheme: light dark;
    color: var(--ck-color-text, light-dark(#1f2328, #e6e8eb));
    font: var(--ck-font, 0.875rem/1.4 system-ui, sans-serif);
  }

  :host([hidden]) {
    display: none;
  }

  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--ck-space-2, 0.5rem);
    margin-block-end: var(--ck-space-2, 0.5rem);
  }

  .range {
    font-weight: 600;
  }

  .zone {
    margin-inline-start: auto;
    color: var(--_unavailable-fg);
  }

  button {
    font: inherit;
    color: inherit;
    cursor: pointer;
    border: 1px solid currentColor;
    border-radius: var(--_radius);
    background: transparent;
    min-block-size: 2rem;
    min-inline-size: 2rem;
    padding-inline: var(--ck-space-2, 0.5rem);
  }

  button:focus-visible,
  .slot:focus-visible {
    outline: var(--_focus);
    outline-offset: 2px;
  }

  :host(:dir(rtl)) .nav span {
    display: inline-block;
    transform: scaleX(-1);
  }

  .grid {
    display: grid;
    grid-template-columns: max-content repeat(var(--days), minmax(var(--_cell-min), 1fr));
    gap: var(--_gap);
    overflow-x: auto;
  }

  .grid--loading {
    overflow: hidden;
  }

  .row {
    display: contents;
  }

  .day {
    display: flex;
    flex-direction: column;
    padding: var(--ck-space-1, 0.25rem);
    border-block-end: 2px solid var(--_unavailable-bg);
  }

  .day--today .day__date {
    color: var(--_selected-bg);
  }

  .day__date {
    font-weight: 600;
  }

  .day__count {
    color: var(--_unavailable-fg);
    font-size: 0.8em;
  }

  .time {
    min-inline-size: 4.5rem;
    display: flex;
    align-items: center;
    justify-content: flex-end;
    padding-inline-end: var(--ck-space-2, 0.5rem);
    color: var(--_unavailable-fg);
    white-space: nowrap;
  }

  .cell {
    min-block-size: 2.5rem;
  }

  .slot {
    display: flex;
    flex-direction: column;
    justify-content: center;
    padding: var(--ck-space-1, 0.25rem) var(--ck-space-2, 0.5rem);
    border-radius: var(--_radius);
    border: 1px solid transparent;
    cursor: default;
    user-select: none;
  }

  .slot--available {
    background: var(--_available-bg);
    color: var(--_available-fg);
    cursor: pointer;
  }

  .slot--available:hover {
    border-color: var(--_available-fg);
  }

  .slot--unavailable {
    background: var(--_unavailable-bg);
    color: var(--_unavailable-fg);
  }

  .slot--unavailable .slot__time {
    text-decoration: line-through;
    text-decoration-thickness: 1px;
  }

  .slot--selected.slot--available {
    background: var(--_selected-bg);
    color: var(--_selected-fg);
    font-weight: 600;
  }

  /* the host's value points at a slot that is no longer available: keep it recognisable, not bookable-looking */
  .slot--selected.slot--unavailable {
    outline: 2px dashed var(--_selected-bg);
    outline-offset: -2px;
  }

  .cell {
    min-inline-size: 0;
  }

  .slot__time,
  .slot__secondary {
    overflow-wrap: anywhere;
  }

  .slot__secondary,
  .slot__meta,
  .slot__reason {
    font-size: 0.8em;
  }

  .message {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--ck-space-2, 0.5rem);
    padding: var(--ck-space-3, 0.75rem);
    border-radius: var(--_radius);
    background: var(--_unavailable-bg);
    margin-block-end: var(--ck-space-2, 0.5rem);
  }

  .message--error {
    color: var(--_danger);
    border: 1px solid currentColor;
  }

  .skeleton {
    display: block;
    inline-size: 100%;
    block-size: 1.5rem;
    border-radius: var(--_radius);
    background: var(--_unavailable-bg);
    animation: pulse 1.2s ease-in-out infinite;
  }

  @keyframes pulse {
    50% {
      opacity: 0.5;
    }
  }

  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  /* Narrow containers: one day after another, each with its own slots. */
  @container (max-width: 36rem) {
    .grid {
      display: flex;
      flex-direction: column;
    }

    .grid > .row > * {
      order: var(--order, 0);
    }

    .corner,
    .time,
    .cell--empty {
      display: none;
    }

    .day {
      margin-block-start: var(--ck-space-2, 0.5rem);
    }
  }

  @media (prefers-reduced-motion: reduce) {
    .skeleton {
      animation: none;
    }
  }

  @media (forced-colors: active) {
    .slot {
      border-color: CanvasText;
    }

    .slot--unavailable {
      color: GrayText;
      border-color: GrayText;
    }

    .slot--selected.slot--available {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
    }

    .skeleton {
      background: GrayText;
    }
  }
`;
