/**
 * The hand-written vanilla DOM baseline for `<timeslot-grid>`: the same cells (one gridcell per slot, one row per
 * wall time, one column per day), the same roles and the same text labels (Intl time ranges, zone names, long
 * dates, places left / reasons), built with plain `document.createElement` and cached `Intl.DateTimeFormat`s.
 * No framework, no Temporal, no diffing: a re-render rebuilds the rows. It is what a careful engineer would write
 * by hand for this one screen, so the ratio to it is the cost of the kit's abstractions.
 */

const REASONS = {
  full: 'Full',
  past: 'Past',
  closed: 'Closed',
  'outside-calling-hours': 'Outside calling hours',
  'too-far-ahead': 'Too far ahead',
};

const STYLE = `
.vg{display:block;font:14px system-ui,sans-serif}
.vg-grid{display:grid;grid-template-columns:5rem repeat(var(--days),minmax(0,1fr));gap:2px}
.vg-row{display:contents}
.vg-cell{padding:4px;border:1px solid #ccc;border-radius:4px;min-block-size:2rem}
.vg-cell[aria-disabled=true]{color:#777;background:#f3f3f3}
.vg-cell[aria-selected=true]{background:#1a56db;color:#fff}
.vg-hidden{position:absolute;inline-size:1px;block-size:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
`;

function formatters(locale, timeZone) {
  return {
    range: new Intl.DateTimeFormat(locale, {timeZone, hour: 'numeric', minute: '2-digit'}),
    time: new Intl.DateTimeFormat(locale, {timeZone, hour: 'numeric', minute: '2-digit'}),
    zone: new Intl.DateTimeFormat(locale, {timeZone, timeZoneName: 'short'}),
    day: new Intl.DateTimeFormat(locale, {timeZone: 'UTC', weekday: 'short', month: 'short', day: 'numeric'}),
    long: new Intl.DateTimeFormat(locale, {timeZone: 'UTC', weekday: 'long', month: 'long', day: 'numeric'}),
    span: new Intl.DateTimeFormat(locale, {timeZone: 'UTC', month: 'short', day: 'numeric', year: 'numeric'}),
    zoneLong: new Intl.DateTimeFormat(locale, {timeZone, timeZoneName: 'long'}),
    ymd: new Intl.DateTimeFormat('en-CA', {timeZone, year: 'numeric', month: '2-digit', day: '2-digit'}),
    hm: new Intl.DateTimeFormat('en-GB', {timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23'}),
  };
}

function el(tag, className, role, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (role) node.setAttribute('role', role);
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Renders `slots` (the kit's Slot objects) for `days` days from `startDate` (YYYY-MM-DD) into `host`. */
export function renderVanillaGrid(host, {slots, timeZone, locale = 'en-US', startDate, days = 7}) {
  if (!host.shadowRoot) {
    host.attachShadow({mode: 'open'});
    const style = document.createElement('style');
    style.textContent = STYLE;
    host.shadowRoot.append(style);
  }
  const root = host.shadowRoot;
  root.querySelector('.vg-toolbar')?.remove();
  root.querySelector('.vg-grid')?.remove();
  const f = formatters(locale, timeZone);
  // Column per local date, row per local wall time.
  const dates = [];
  const dateIndex = new Map();
  const [y, m, d] = startDate.split('-').map(Number);
  for (let i = 0; i < days; i++) {
    const noon = Date.UTC(y, m - 1, d + i, 12);
    const key = new Date(noon).toISOString().slice(0, 10);
    dates.push({key, noon});
    dateIndex.set(key, i);
  }
  const rows = new Map();
  for (const slot of slots) {
    const start = Date.parse(slot.start);
    const day = dateIndex.get(f.ymd.format(start));
    if (day === undefined) continue;
    const wall = f.hm.format(start);
    let row = rows.get(wall);
    if (!row) rows.set(wall, (row = {wall, start, cells: new Array(days)}));
    row.cells[day] = {slot, start, end: Date.parse(slot.end)};
  }
  const counts = new Array(days).fill(0);
  for (const row of rows.values()) row.cells.forEach((c, i) => c?.slot.available && counts[i]++);

  // The toolbar the kit shows too: the date range and the zone's long name.
  const toolbar = el('div', 'vg-toolbar');
  toolbar.append(el('span', '', undefined, f.span.formatRange(dates[0].noon, dates[days - 1].noon)));
  const zoneName = f.zoneLong.formatToParts(dates[0].noon).find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
  toolbar.append(el('span', '', undefined, `Times in ${zoneName}`));
  root.append(toolbar);
  const grid = el('div', 'vg-grid', 'grid');
  grid.setAttribute('aria-label', 'Available times');
  grid.style.setProperty('--days', String(days));
  const head = el('div', 'vg-row', 'row');
  const corner = el('div', '', 'columnheader');
  corner.append(el('span', 'vg-hidden', undefined, 'Time'));
  head.append(corner);
  dates.forEach((date, i) => {
    const h = el('div', 'vg-day', 'columnheader');
    h.append(el('span', '', undefined, f.day.format(date.noon)));
    h.append(el('span', '', undefined, counts[i] === 1 ? '1 available' : `${counts[i]} available`));
    head.append(h);
  });
  grid.append(head);
  const longDates = dates.map((date) => f.long.format(date.noon));
  for (const row of [...rows.values()].sort((a, b) => (a.wall < b.wall ? -1 : 1))) {
    const r = el('div', 'vg-row', 'row');
    r.append(el('div', 'vg-time', 'rowheader', f.time.format(row.start)));
    for (let i = 0; i < days; i++) {
      const cell = row.cells[i];
      if (!cell) {
        r.append(el('div', 'vg-cell', 'gridcell'));
        continue;
      }
      const c = el('div', 'vg-cell', 'gridcell');
      const {slot} = cell;
      c.dataset.key = String(cell.start);
      c.tabIndex = -1;
      c.setAttribute('aria-selected', 'false');
      if (!slot.available) c.setAttribute('aria-disabled', 'true');
      c.append(el('span', '', undefined, f.range.formatRange(cell.start, cell.end)));
      const zone = f.zone.formatToParts(cell.start).find((p) => p.type === 'timeZoneName')?.value ?? '';
      c.append(el('span', 'vg-hidden', undefined, ` ${zone}, ${longDates[i]}`));
      const meta = slot.available
        ? slot.remaining === undefined
          ? undefined
          : slot.remaining === 1
            ? '1 left'
            : `${slot.remaining} left`
        : (REASONS[slot.reason] ?? 'Unavailable');
      if (meta) {
        const span = el('span', '');
        span.append(el('span', 'vg-hidden', undefined, ', '), meta);
        c.append(span);
      }
      r.append(c);
    }
    grid.append(r);
  }
  // Picking a slot: a click on an available cell selects it (aria-selected, roving tabindex) and says so, touching
  // only the two cells that change: what a hand-written grid does, the floor the kit's pick is compared with.
  grid.addEventListener('click', (event) => {
    const cell = event.target.closest('[data-key]');
    if (!cell || cell.getAttribute('aria-disabled') === 'true') return;
    const previous = grid.querySelector('[aria-selected="true"]');
    if (previous === cell) return;
    if (previous) {
      previous.setAttribute('aria-selected', 'false');
      previous.tabIndex = -1;
    }
    cell.setAttribute('aria-selected', 'true');
    cell.tabIndex = 0;
    cell.focus();
    host.dispatchEvent(
      new CustomEvent('slot-select', {bubbles: true, composed: true, detail: {start: Number(cell.dataset.key)}}),
    );
  });
  root.append(grid);
  return grid;
}
