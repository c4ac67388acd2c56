import type {Meta, StoryObj} from '@storybook/web-components-vite';

import {
  hostLayoutPage,
  hostLayoutSession,
  type HostLayoutName,
  type HostLayoutSession,
} from '../test/support/host-layouts.js';

/**
 * The host-layouts test page (test/support/host-layouts.ts), one story per layout: what
 * test/components/host-layouts.test.ts measures (no horizontal overflow, no blank gap above the scheduler's Save
 * button, the scheduler under 1,600 px in the side panel). Resize the canvas (or use the viewport toolbar) to see
 * the two-column grid at 1024, 1280 and 1920 px as the suite does.
 */
const meta: Meta = {
  title: 'Examples/Host layouts',
  tags: ['!autodocs'],
  parameters: {
    layout: 'fullscreen',
    docs: {
      description: {
        component:
          'Every element of the kit on a `MemoryBackend` with its demo data (Monday 2026-11-23, 9:00 AM in New York, ' +
          'Sophia Nguyen on the line) inside the page layouts CRM vendors embed it in: a two-column CSS grid, a 360 px ' +
          'side panel, a modal `<dialog>` and a wrapping flex row. The host-layouts test suite renders the same page.',
      },
    },
  },
  // a fresh demo session per story (the stand-alone grid's slots loaded from the backend, as a host would)
  loaders: [async () => ({session: await hostLayoutSession()})],
};

export default meta;

type Story = StoryObj;

const story = (layout: HostLayoutName, name: string): Story => ({
  name,
  render: (_args, {loaded}) => hostLayoutPage(layout, (loaded as {session: HostLayoutSession}).session),
});

/** A two-column CSS grid (`minmax(0, 1fr) minmax(0, 1fr)`): the lists and logout on the left, the scheduler and a stand-alone grid on the right. */
export const TwoColumnGrid: Story = story('grid-1280', 'Two-column grid');

/** A 360 px side panel next to the CRM's main area, every element stacked in it. */
export const SidePanel: Story = story('panel-360', '360 px side panel');

/** A modal `<dialog>` (opened with `showModal()`, scrolling inside) holding every element. */
export const ModalDialog: Story = story('dialog', 'Modal dialog');

/** A wrapping flex row of cards (`flex: 1 1 20rem`, without `min-inline-size: 0`, as hosts often write it). */
export const FlexRow: Story = story('flex-row', 'Flex row');
