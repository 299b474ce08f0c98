// The composer page: every figure comes from smsedge's analyze() and estimateSend().
import { analyze, estimateSend } from './lib/smsedge.js';
import { $, codePointLabel, fill, formatDuration, formatMoney, formatNumber, h, setupTheme, visible } from './lib/dom.js';

setupTheme();

const input = $('#message');
const senderSelect = $('#sender');
const encodingSelect = $('#encoding-select');
const smartToggle = $('#smart');
const recipientsInput = $('#recipients');
const priceInput = $('#price');
const numbersInput = $('#numbers');
const classSelect = $('#att-class');
const classField = $('#class-field');

const pick = (id) => $(`[data-testid="${id}"]`);

function options() {
  return { sender: senderSelect.value, encoding: encodingSelect.value, smartEncoding: smartToggle.checked };
}

/** A character's label: its name when the smart table knows it, else its code point. */
function describe(c) {
  return c.name ? `${c.name} (${codePointLabel(c.codePoint)})` : codePointLabel(c.codePoint);
}

function renderStats(a, error) {
  const badge = pick('encoding');
  badge.textContent = a ? a.encoding : 'error';
  badge.className = `badge ${a && a.encoding !== 'UCS-2' ? 'gsm' : 'ucs2'}`;
  const last = a?.parts.at(-1);
  pick('segment-count').textContent = a ? String(a.segments) : '—';
  pick('units-used').textContent = a ? String(last ? last.units : 0) : '—';
  pick('units-left').textContent = a ? String(a.unitsLeft) : '—';
  pick('units-total').textContent = a ? formatNumber(a.units) : '—';
  pick('length').textContent = formatNumber(input.value.length);
  const alerts = [];
  if (error) {
    const where = error.index !== undefined ? ` (character ${error.index + 1}, ${codePointLabel(error.codePoint)})` : '';
    alerts.push(h('li', { class: 'alert error', 'data-testid': 'error', 'data-code': error.code }, `${error.message}${where}`));
  }
  for (const w of a?.warnings ?? []) {
    const level = w.code === 'many_segments' ? 'warning' : 'error';
    alerts.push(h('li', { class: `alert ${level}`, 'data-testid': 'warning', 'data-code': w.code }, w.message));
  }
  fill(pick('warnings'), ...alerts);
}

/** One part's card. */
function partCard(a, part, k, ucs2At, ext) {
  const unit = a.encoding === 'UCS-2' ? 'UTF-16 units' : a.encoding === 'GSM-7' ? 'septets' : 'characters';
  const capacity = a.segments > 1 ? (a.encoding === 'UCS-2' ? 67 : 153) : a.encoding === 'UCS-2' ? 70 : 160;
  const body = h('p', { class: 'text' });
  let runStart = 0;
  const t = part.text;
  const flush = (to) => {
    if (to > runStart) body.append(t.slice(runStart, to));
  };
  for (let j = 0; j < t.length; ) {
    const i = part.start + j;
    const code = t.charCodeAt(j);
    const len = code >= 0xd800 && code < 0xdc00 && j + 1 < t.length ? 2 : 1;
    const bad = ucs2At.get(i);
    if (bad || ext.has(i)) {
      flush(j);
      const ch = t.slice(j, j + len);
      if (bad) {
        const sub = bad.replacement === null ? '' : `; smart encoding: ${bad.replacement === '' ? 'removed' : `“${bad.replacement}”`}`;
        body.append(h('mark', { class: 'ucs2', title: `${describe(bad)} forces UTF-16${sub}`, 'data-testid': 'mark-ucs2' }, visible(ch)));
      } else {
        body.append(h('mark', { class: 'ext', title: `${ch} costs 2 septets (GSM-7 extension table)`, 'data-testid': 'mark-ext' }, ch));
      }
      runStart = j + len;
    }
    j += len;
  }
  flush(t.length);
  return h('article', { class: 'part', 'data-testid': 'part' },
    h('h3', null, `Part ${k + 1} of ${a.parts.length} · ${part.units}/${capacity} ${unit}`), body);
}

/** Cards already drawn, by a key of everything they show: unchanged parts are reused. */
let drawnParts = [];

/** Draws the analysed text part by part, marking UTF-16 and 2-septet characters. */
function renderParts(a, ucs2At) {
  const container = pick('parts');
  if (a.parts.length === 0) {
    drawnParts = [];
    fill(container, h('p', { class: 'hint' }, 'Type a message to see its parts.'));
    return;
  }
  const ext = new Set(a.extensionChars.map((c) => c.index));
  const next = a.parts.map((part, k) => {
    let marks = '';
    for (let i = part.start; i < part.end; i++) if (ucs2At.has(i) || ext.has(i)) marks += `${i},`;
    const key = `${a.encoding}|${a.segments}|${k}|${part.start}|${part.units}|${marks}|${part.text}`;
    const old = drawnParts[k];
    return old && old.key === key ? old : { key, node: partCard(a, part, k, ucs2At, ext) };
  });
  if (drawnParts.length === 0) container.replaceChildren();
  next.forEach((p, k) => {
    const old = drawnParts[k];
    if (old === p) return;
    if (old) old.node.replaceWith(p.node);
    else container.append(p.node);
  });
  for (const extra of drawnParts.slice(next.length)) extra.node.remove();
  drawnParts = next;
}

let drawnNonGsm = '';

function renderNonGsm(nonGsm) {
  const key = nonGsm.map((c) => `${c.index}:${c.codePoint}`).join(',');
  if (key === drawnNonGsm) return;
  drawnNonGsm = key;
  $('#chars-panel').hidden = nonGsm.length === 0;
  const rows = nonGsm.slice(0, 500).map((c) =>
    h('tr', null,
      h('td', { class: 'char' }, visible(c.char)),
      h('td', null, codePointLabel(c.codePoint)),
      h('td', null, c.name ?? '—'),
      h('td', null, c.replacement === null ? 'no replacement' : c.replacement === '' ? 'removed' : `→ ${visible(c.replacement)}`),
      h('td', null, String(c.index + 1))));
  if (nonGsm.length > 500) rows.push(h('tr', null, h('td', { colspan: 5 }, `…and ${nonGsm.length - 500} more`)));
  fill(pick('non-gsm'), ...rows);
}

function renderSmart(a, text) {
  const panel = $('#smart-panel');
  panel.hidden = !a?.smart;
  if (!a?.smart) return;
  const plain = analyze(text, { sender: senderSelect.value });
  const s = a.smart;
  const words = (n) => `${n} segment${n === 1 ? '' : 's'}`;
  pick('smart-saving').textContent =
    plain.segments === a.segments ? `No change: ${words(a.segments)}` : `${words(plain.segments)} → ${a.segments}`;
  pick('smart-summary').textContent = s.applied
    ? `${s.replacedCharacterCount} distinct character${s.replacedCharacterCount === 1 ? '' : 's'} replaced; length ${s.lengthChange >= 0 ? '+' : ''}${s.lengthChange}; sent as ${a.encoding}.`
    : 'Nothing to replace.';
  pick('smart-text').textContent = s.text;
  const groups = new Map();
  for (const c of a.nonGsm) {
    if (c.replacement === null) continue;
    const g = groups.get(c.char) ?? { c, count: 0 };
    g.count++;
    groups.set(c.char, g);
  }
  fill(pick('smart-changes'), ...[...groups.values()].map(({ c, count }) =>
    h('tr', null,
      h('td', { class: 'char' }, visible(c.char)),
      h('td', null, codePointLabel(c.codePoint)),
      h('td', null, c.name ?? ''),
      h('td', { class: 'char' }, c.replacement === '' ? 'removed' : visible(c.replacement)),
      h('td', null, String(count)))));
}

function renderCost(a) {
  classField.hidden = senderSelect.value !== 'long_code';
  const recipients = Math.max(0, Math.floor(Number(recipientsInput.value) || 0));
  const price = Math.max(0, Number(priceInput.value) || 0);
  const numbers = Math.max(1, Math.floor(Number(numbersInput.value) || 1));
  if (!a) {
    for (const id of ['total-segments', 'cost', 'send-time', 'throughput']) pick(id).textContent = '—';
    return;
  }
  const plan = { sender: senderSelect.value, senders: numbers, recipients, segments: a.segments };
  if (senderSelect.value === 'long_code' && classSelect.value) plan.attClass = classSelect.value;
  const e = estimateSend(plan);
  pick('total-segments').textContent = formatNumber(e.totalSegments);
  pick('cost').textContent = formatMoney(e.totalSegments * price);
  pick('send-time').textContent = formatDuration(e.seconds);
  const rate = e.segmentsPerSecond >= 1 ? `${formatNumber(Number(e.segmentsPerSecond.toFixed(2)))}/s` : `${formatNumber(Number((e.segmentsPerSecond * 60).toFixed(2)))}/min`;
  pick('throughput').textContent = `${rate}${e.limitedBy === 'account' ? ' (account cap)' : ''}`;
}

function update() {
  const started = performance.now();
  const text = input.value;
  let a = null;
  let error = null;
  try {
    a = analyze(text, options());
  } catch (e) {
    error = e;
  }
  renderStats(a, error);
  // When the request fails (gsm7 that cannot be honoured), show what smart encoding leaves.
  const shown = a ?? analyze(text, { sender: senderSelect.value, smartEncoding: true });
  // Characters forcing UTF-16, by index into the text the parts show.
  const stillUcs2 = shown.smart ? analyze(shown.smart.text, { sender: senderSelect.value }).nonGsm : shown.nonGsm;
  renderParts(shown, new Map(stillUcs2.map((c) => [c.index, c])));
  renderNonGsm(shown.nonGsm);
  renderSmart(a, text);
  renderCost(a);
  window.__smsedgeLastUpdateMs = performance.now() - started;
  document.body.dataset.ready = 'true';
}

for (const el of [input, recipientsInput, priceInput, numbersInput]) el.addEventListener('input', update);
for (const el of [senderSelect, encodingSelect, smartToggle, classSelect]) el.addEventListener('change', update);

$('#copy-smart').addEventListener('click', async () => {
  const text = pick('smart-text').textContent ?? '';
  const button = $('#copy-smart');
  try {
    await navigator.clipboard.writeText(text);
    button.textContent = 'Copied';
  } catch {
    button.textContent = 'Copy failed: select the text above';
  }
  setTimeout(() => { button.textContent = 'Copy the GSM-7 version'; }, 2000);
});

update();
