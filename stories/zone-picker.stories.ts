import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {html} from 'lit';
import {action} from 'storybook/actions';

import '../src/components/zone-picker/zone-picker.js';
import {ManualClock} from '../src/core/clock.js';
import type {ZoneChangeEvent} from '../src/events/zone-change.js';

/** "Now" in every story: Monday 2026-11-23, 09:00 in New York (standard time: New York is GMT−5). */
const clock = new ManualClock('2026-11-23T14:00:00Z');

interface ZonePickerArgs {
  label: string;
  value: string;
  candidates: string[];
  locale: string;
  disabled: boolean;
  dir: 'ltr' | 'rtl';
  theme: 'light' | 'dark';
  width: number;
}

/** Shows the last `zone-change` under the picker (and in the Actions panel). */
function logChange(event: ZoneChangeEvent) {
  action('zone-change')(event.detail);
  const out = (event.currentTarget as HTMLElement).parentElement!.querySelector('output');
  if (out) out.textContent = `zone-change — timeZone: ${event.detail.timeZone}`;
}

const meta: Meta<ZonePickerArgs> = {
  title: 'Internals/ck-zone-picker',
  component: 'ck-zone-picker',
  parameters: {
    docs: {
      description: {
        component:
          '`<ck-zone-picker>` is the "Another zone" field of `<callback-scheduler>` (hosts do not place it ' +
          'themselves): a WAI-ARIA APG combobox over every IANA zone the browser knows, with city, long name and ' +
          "current offset, the customer's and the agent's zones first. Type a city, a zone name or an offset " +
          '(`GMT-5`, `-05:00`); Down/Up open and move, Enter picks, Escape closes then clears. The stories pin the ' +
          'clock to 2026-11-23 14:00 UTC.',
      },
    },
  },
  argTypes: {
    label: {control: 'text'},
    value: {control: 'text'},
    candidates: {control: 'object'},
    locale: {control: 'select', options: ['en-US', 'en-GB', 'es-ES', 'es-MX']},
    disabled: {control: 'boolean'},
    dir: {control: 'inline-radio', options: ['ltr', 'rtl']},
    theme: {control: 'inline-radio', options: ['light', 'dark']},
    width: {control: {type: 'range', min: 280, max: 800, step: 10}},
  },
  args: {
    label: 'Another zone',
    value: 'America/New_York',
    candidates: ['America/Chicago', 'America/Denver', 'America/New_York'],
    locale: 'en-US',
    disabled: false,
    dir: 'ltr',
    theme: 'light',
    width: 420,
  },
  render: (args) => html`
    <div
      dir=${args.dir}
      style="box-sizing: border-box; inline-size: ${args.width}px; max-inline-size: 100%; min-block-size: 26rem;
        padding: 1rem; font: 0.875rem/1.4 system-ui, sans-serif; ${
        args.theme === 'dark' ? '--ck-color-scheme: dark; color-scheme: dark; background: #1b1e22; color: #e6e8eb;' : ''
      }"
    >
      <ck-zone-picker
        label=${args.label}
        value=${args.value}
        locale=${args.locale}
        ?disabled=${args.disabled}
        .candidates=${args.candidates}
        .clock=${clock}
        @zone-change=${logChange}
      ></ck-zone-picker>
      <output style="display: block; margin-block-start: 0.5rem; font: 0.75rem ui-monospace, monospace;"></output>
    </div>
  `,
};

export default meta;

type Story = StoryObj<ZonePickerArgs>;

/** The customer's number's zones (a US area code over two zones) and the agent's zone first; all zones below. */
export const Default: Story = {};

/** No candidates: one flat list of every zone, west to east by current offset. */
export const NoCandidates: Story = {name: 'No candidates', args: {candidates: []}};

/** A Spanish UI (es-ES): label, headings, placeholder and long zone names ("hora central") in Spanish. */
export const Spanish: Story = {
  args: {locale: 'es-ES', label: 'Otra zona', value: 'Europe/Madrid', candidates: ['Europe/Madrid', 'Atlantic/Canary']},
};

/** A 360 px side panel: the popup stays inside the panel and long names wrap. */
export const NarrowPanel: Story = {name: 'Narrow panel (360 px)', args: {width: 360}};

/** Dark colour scheme (`--ck-color-scheme: dark`). */
export const Dark: Story = {args: {theme: 'dark'}};

/** Right to left: the offsets sit on the left, the active option's bar on the right. */
export const RightToLeft: Story = {name: 'Right to left', args: {dir: 'rtl'}};

/** Disabled. */
export const Disabled: Story = {args: {disabled: true}};
