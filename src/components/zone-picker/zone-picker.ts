import {msg} from '@lit/localize';
import {html, LitElement, nothing, type PropertyValues} from 'lit';
import {property, query, state} from 'lit/decorators.js';
import {live} from 'lit/directives/live.js';
import {ZoneChangeEvent} from '../../events/zone-change.js';
import {defineElement} from '../../internal/define.js';
import {KitElement} from '../../internal/kit-element.js';
import {whenIdle} from '../../internal/lazy-chunk.js';
import {allZoneOptions, filterZones, zoneOption, type ZoneOption} from './zone-model.js';
import {styles} from './zone-picker.styles.js';

/**
 * A searchable time-zone picker: a WAI-ARIA APG combobox (editable, list autocomplete with manual selection) whose
 * listbox popup lists the IANA zones the browser knows, each with its city, long name in the locale and current
 * offset ("GMT−5", at the kit clock's now). The `candidates` (the customer's number's zones and the agent's zone)
 * come first under a heading. Typing filters by id, city, long name or offset (`GMT-5`, `-05:00`), ignoring case and
 * accents. Only a listed zone can be picked: text that names no zone leaves `value` as it was, and leaving the field
 * shows the current zone again.
 *
 * Keys in the field: Down/Up open the list and move through it (wrapping), Alt+Down opens it, Enter or Alt+Up pick
 * the active option (Enter with no active option picks the only match), Escape closes the list and a second Escape
 * clears the text, Home/End/Left/Right move the caret, Tab closes the list without picking. Focus stays in the field.
 *
 * Part of `<callback-scheduler>`'s internals, registered as `ck-zone-picker` when loaded (the `ck-` prefix keeps it
 * clear of host tags; a page that defined the tag first keeps its own). The zone list is computed when the field first
 * gets focus (in idle time) or opens, and cached per locale.
 *
 * @tagname ck-zone-picker
 * @summary Searchable time-zone combobox used inside callback-scheduler.
 *
 * @event {ZoneChangeEvent} zone-change - The agent picked another zone (`detail.timeZone`). User action only. Bubbles, not composed.
 *
 * @csspart label - The visible label.
 * @csspart input - The combobox text field.
 * @csspart popup - The popup under the field (the listbox and the "No zone matches" message).
 * @csspart listbox - The list of zones.
 * @csspart group-heading - The heading of a group of zones (suggested, other).
 * @csspart option - One zone.
 * @csspart offset - An option's current UTC offset.
 * @csspart error - The message under the field (`error`).
 *
 * @cssproperty --ck-zone-picker-popup-max-height - Height of the popup before it scrolls (default `18rem`).
 * @cssproperty --ck-callback-scheduler-field-border-color - Border of the field, as the scheduler's other fields (default `--ck-color-muted`).
 */
export class ZonePicker extends KitElement {
  static override styles = styles;
  /** `picker.focus()` (e.g. the scheduler focusing the first invalid field) focuses the text field. */
  static override shadowRootOptions: ShadowRootInit = {...LitElement.shadowRootOptions, delegatesFocus: true};

  /** The options shown: candidates first, then the others. */
  #candidateOptions: ZoneOption[] = [];
  #otherOptions: ZoneOption[] = [];
  /** Scroll the active option into view after the next render. */
  #revealActive = false;

  @query('#input') private input!: HTMLInputElement;

  /** Whether the listbox is shown. */
  @state() private open = false;

  /** Index (in the shown order, candidates first) of the option with visual focus; -1: none. */
  @state() private active = -1;

  /** The text typed since the last pick; `undefined` while the field shows the current zone. */
  @state() private search?: string;

  /** The IANA id of the zone picked (set it to show a zone; setting it fires no event). */
  @property() value = '';

  /** The visible label of the field (also the listbox's name). Default: "Time zone" in the UI language. */
  @property() label = '';

  /** Zones listed first, under "Suggested zones": e.g. the customer's number's zones and the agent's zone. */
  @property({attribute: false}) candidates: string[] = [];

  /** A message shown under the field and linked to it (`aria-invalid`, `aria-describedby`); empty: none. */
  @property() error = '';

  /** Disables the field. */
  @property({type: Boolean, reflect: true}) disabled = false;

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('disabled') && this.disabled) this.#close();
    if (this.open) this.#computeOptions();
  }

  override updated(): void {
    if (this.#revealActive) {
      this.#revealActive = false;
      const listbox = this.renderRoot.querySelector<HTMLElement>('[role="listbox"]');
      const option = this.renderRoot.querySelector<HTMLElement>(`#option-${this.active}`);
      if (listbox && option) {
        // The listbox's own scroll only (scrollIntoView would scroll the page too).
        const top = option.offsetTop;
        const bottom = top + option.offsetHeight;
        if (top < listbox.scrollTop) listbox.scrollTop = top;
        else if (bottom > listbox.scrollTop + listbox.clientHeight) listbox.scrollTop = bottom - listbox.clientHeight;
      }
    }
  }

  get #options(): ZoneOption[] {
    return [...this.#candidateOptions, ...this.#otherOptions];
  }

  get #now(): number {
    return this.resolvedClock.now().epochMilliseconds;
  }

  #computeOptions(): void {
    const locale = this.resolvedLocale;
    const now = this.#now;
    const seen = new Set<string>();
    const candidates: ZoneOption[] = [];
    for (const id of this.candidates ?? []) {
      if (seen.has(id)) continue;
      const option = zoneOption(id, locale, now);
      if (option) {
        seen.add(id);
        candidates.push(option);
      }
    }
    const others = allZoneOptions(locale, now).filter((o) => !seen.has(o.id));
    const text = this.search ?? '';
    this.#candidateOptions = filterZones(candidates, text);
    this.#otherOptions = filterZones(others, text);
    if (this.active >= this.#candidateOptions.length + this.#otherOptions.length) this.active = -1;
  }

  /** What the field shows for a zone: "New York (Eastern Time)"; an unknown id as is. */
  #text(id: string): string {
    if (!id) return '';
    const option = zoneOption(id, this.resolvedLocale, this.#now);
    if (!option) return id;
    return option.name === option.id ? option.city : `${option.city} (${option.name})`;
  }

  #openList(active = this.active): void {
    this.open = true;
    this.#computeOptions(); // the count of options, for the keys below
    this.active = active;
    this.#revealActive = true;
  }

  #close(): void {
    this.open = false;
    this.active = -1;
  }

  #pick(option: ZoneOption): void {
    const changed = option.id !== this.value;
    this.value = option.id;
    this.search = undefined;
    this.#close();
    if (this.input) this.input.value = this.#text(option.id);
    if (changed) this.dispatchEvent(new ZoneChangeEvent({timeZone: option.id}));
  }

  private handleInput(): void {
    this.search = this.input.value;
    this.active = -1;
    this.open = true;
  }

  private handleKeydown(event: KeyboardEvent): void {
    if (this.disabled) return;
    const count = this.open ? this.#options.length : 0;
    switch (event.key) {
      case 'ArrowDown': {
        event.preventDefault();
        if (event.altKey) {
          if (!this.open) this.#openList(-1);
        } else if (!this.open) {
          this.#openList(0);
          if (this.#options.length === 0) this.active = -1;
        } else if (count > 0) {
          this.active = this.active < 0 || this.active >= count - 1 ? 0 : this.active + 1;
          this.#revealActive = true;
        }
        break;
      }
      case 'ArrowUp': {
        event.preventDefault();
        if (event.altKey) {
          if (this.open && this.active >= 0) this.#pick(this.#options[this.active]);
          else this.#close();
        } else if (!this.open) {
          this.#openList(Math.max(-1, this.#options.length - 1));
          this.active = this.#options.length - 1;
        } else if (count > 0) {
          this.active = this.active <= 0 ? count - 1 : this.active - 1;
          this.#revealActive = true;
        }
        break;
      }
      case 'Enter': {
        if (!this.open) return;
        event.preventDefault(); // never submits a surrounding form while the list is open
        const options = this.#options;
        if (this.active >= 0) this.#pick(options[this.active]);
        else if (options.length === 1) this.#pick(options[0]);
        break;
      }
      case 'Escape': {
        if (this.open) this.#close();
        else if (this.input.value !== '') {
          this.search = '';
          this.input.value = '';
        } else return; // nothing to undo here: the Escape is the host's (e.g. a dialog's)
        event.preventDefault();
        event.stopPropagation();
        break;
      }
      case 'Home':
      case 'End':
      case 'ArrowLeft':
      case 'ArrowRight':
        this.active = -1; // visual focus back to the field; the caret moves as usual
        break;
      case 'Tab':
        this.#close();
        break;
      default:
        break;
    }
  }

  private handleBlur(): void {
    this.#close();
    this.search = undefined;
    if (this.input) this.input.value = this.#text(this.value);
  }

  private handleClick(): void {
    if (this.disabled) return;
    if (!this.open) this.#openList(-1);
    if (this.search === undefined) this.input.select();
  }

  private handleFocus(): void {
    if (this.search === undefined) this.input.select();
    // Make the zone list while the agent is still reading the field, so the first Down opens at once.
    const locale = this.resolvedLocale;
    const now = this.#now;
    whenIdle(() => allZoneOptions(locale, now));
  }

  private handleOptionClick(event: MouseEvent): void {
    const target = (event.target as HTMLElement).closest<HTMLElement>('[role="option"]');
    if (!target) return;
    const option = this.#options[Number(target.dataset.index)];
    if (option) this.#pick(option);
    this.input.focus();
  }

  /** Keeps focus in the field while the pointer presses an option or the list's scrollbar. */
  private handlePopupPointerDown(event: Event): void {
    event.preventDefault();
  }

  #renderOption(option: ZoneOption, index: number) {
    const active = index === this.active;
    return html`<div
      role="option"
      id="option-${index}"
      part="option"
      class="option${active ? ' option--active' : ''}${option.id === this.value ? ' option--current' : ''}"
      aria-selected=${active ? 'true' : 'false'}
      data-index=${index}
      data-zone=${option.id}
    >
      <span class="option__text"
        ><span class="option__city">${option.city}</span><span class="visually-hidden">, </span
        ><span class="option__name">${option.name === option.id ? option.id : option.name}</span
        ><span class="visually-hidden">, </span></span
      ><span class="option__offset" part="offset" dir="ltr">${option.offset}</span>
    </div>`;
  }

  #renderGroup(id: string, heading: string, options: ZoneOption[], start: number) {
    if (options.length === 0) return nothing;
    return html`<div role="group" class="group" aria-labelledby=${id}>
      <div role="presentation" class="group__heading" part="group-heading" id=${id}>${heading}</div>
      ${options.map((option, i) => this.#renderOption(option, start + i))}
    </div>`;
  }

  override render() {
    const label = this.label || msg('Time zone');
    const candidates = this.#candidateOptions;
    const others = this.#otherOptions;
    const count = this.open ? candidates.length + others.length : 0;
    const empty = this.open && count === 0;
    const text = this.search ?? this.#text(this.value);
    // The keys of the list are the combobox's (APG: focus stays in the field); the popup's click is the pointer's way.
    /* eslint-disable lit-a11y/click-events-have-key-events */
    return html`<label class="label" part="label" id="label" for="input">${label}</label>
      <div class="field">
        <input
          id="input"
          part="input"
          type="text"
          role="combobox"
          autocomplete="off"
          spellcheck="false"
          aria-labelledby="label"
          aria-invalid=${this.error ? 'true' : nothing}
          aria-describedby=${this.error ? 'error' : nothing}
          aria-autocomplete="list"
          aria-controls="listbox"
          aria-expanded=${this.open ? 'true' : 'false'}
          aria-activedescendant=${this.open && this.active >= 0 ? `option-${this.active}` : nothing}
          placeholder=${msg('City, zone or GMT offset')}
          .value=${live(text)}
          ?disabled=${this.disabled}
          @input=${this.handleInput}
          @keydown=${this.handleKeydown}
          @blur=${this.handleBlur}
          @focus=${this.handleFocus}
          @click=${this.handleClick}
        />
        <span class="chevron" aria-hidden="true"></span>
      </div>
      <div
        class="popup"
        part="popup"
        ?hidden=${!this.open}
        @mousedown=${this.handlePopupPointerDown}
        @click=${this.handleOptionClick}
      >
        <div id="listbox" role="listbox" part="listbox" aria-label=${label} ?hidden=${empty}>
          ${
            this.open
              ? candidates.length
                ? html`${this.#renderGroup('group-suggested', msg('Suggested zones'), candidates, 0)}
                  ${this.#renderGroup('group-other', msg('Other zones'), others, candidates.length)}`
                : others.map((option, i) => this.#renderOption(option, i))
              : nothing
          }
        </div>
        ${empty ? html`<p class="empty" aria-hidden="true">${msg('No zone matches')}</p>` : nothing}
      </div>
      ${this.error ? html`<p class="error" part="error" id="error">${this.error}</p>` : nothing}
      <div class="visually-hidden" role="status">${empty ? msg('No zone matches') : ''}</div>`;
    /* eslint-enable lit-a11y/click-events-have-key-events */
  }
}

defineElement('ck-zone-picker', ZonePicker);

declare global {
  interface HTMLElementTagNameMap {
    'ck-zone-picker': ZonePicker;
  }
}
