// The compliance checker page: the form is the request body; every finding comes from
// smsedge's checkCampaign() / checkTollFreeVerification(), re-run on every keystroke.
import { checkCampaign, checkTollFreeVerification } from './lib/smsedge.js';
import { $, fill, h, setupTheme } from './lib/dom.js';

setupTheme();

const USE_CASES = ['2FA', 'ACCOUNT_NOTIFICATION', 'CUSTOMER_CARE', 'DELIVERY_NOTIFICATION', 'FRAUD_ALERT',
  'HIGHER_EDUCATION', 'LOW_VOLUME', 'MARKETING', 'MIXED', 'POLLING_VOTING', 'PUBLIC_SERVICE_ANNOUNCEMENT',
  'SECURITY_ALERT', 'AGENTS_FRANCHISES', 'CARRIER_EXEMPT', 'CHARITY', 'EMERGENCY', 'K12_EDUCATION', 'M2M',
  'PLATFORM_FREE_TRIAL', 'POLITICAL', 'PROXY', 'SOCIAL', 'SOLE_PROPRIETOR', 'SWEEPSTAKES', 'UCAAS_HIGH', 'UCAAS_LOW'];

const sample = (n) => ({ name: `sample${n}`, label: `Sample message ${n}`, type: 'textarea', wide: true, segments: true });

/** The form of each kind: the fields of the request body, in the order the docs present them. */
const KINDS = {
  campaign: {
    title: 'Campaign',
    endpoint: 'POST /v2/10dlc/campaignBuilder',
    check: checkCampaign,
    fields: [
      { name: 'brandName', label: 'Brand name', type: 'text' },
      { name: 'brandAliases', label: 'Other names the brand goes by', type: 'list', hint: 'Comma-separated, e.g. a DBA' },
      { name: 'usecase', label: 'Use case', type: 'select', options: USE_CASES },
      { name: 'description', label: 'Campaign description', type: 'textarea', wide: true },
      sample(1), sample(2), sample(3), sample(4), sample(5),
      { name: 'messageFlow', label: 'Message flow (how subscribers opt in)', type: 'textarea', wide: true },
      { name: 'helpMessage', label: 'HELP response', type: 'textarea', segments: true },
      { name: 'optinMessage', label: 'Opt-in confirmation', type: 'textarea', segments: true },
      { name: 'optoutMessage', label: 'Opt-out confirmation', type: 'textarea', segments: true },
      { name: 'optinKeywords', label: 'Opt-in keywords', type: 'text' },
      { name: 'optoutKeywords', label: 'Opt-out keywords', type: 'text' },
      { name: 'helpKeywords', label: 'Help keywords', type: 'text' },
      { name: 'flags', type: 'flags', flags: [
        ['embeddedLink', 'Messages contain links'], ['embeddedPhone', 'Messages contain phone numbers'],
        ['numberPool', 'Number pool'], ['ageGated', 'Age-gated content'], ['directLending', 'Direct lending or loans'],
      ] },
    ],
  },
  tollfree: {
    title: 'Toll-free verification request',
    endpoint: 'POST /v2/messaging_tollfree/verification/requests',
    check: checkTollFreeVerification,
    fields: [
      { name: 'businessName', label: 'Business name', type: 'text' },
      { name: 'doingBusinessAs', label: 'Doing business as', type: 'text' },
      { name: 'corporateWebsite', label: 'Corporate website', type: 'text' },
      { name: 'entityType', label: 'Entity type', type: 'select', options: ['', 'SOLE_PROPRIETOR', 'PRIVATE_PROFIT', 'PUBLIC_PROFIT', 'NON_PROFIT', 'GOVERNMENT'] },
      { name: 'businessRegistrationNumber', label: 'Business registration number (EIN)', type: 'text' },
      { name: 'businessRegistrationType', label: 'Registration type', type: 'text' },
      { name: 'businessRegistrationCountry', label: 'Registration country', type: 'text' },
      { name: 'businessAddr1', label: 'Address', type: 'text' },
      { name: 'businessCity', label: 'City', type: 'text' },
      { name: 'businessState', label: 'State', type: 'text' },
      { name: 'businessZip', label: 'ZIP', type: 'text' },
      { name: 'businessContactFirstName', label: 'Contact first name', type: 'text' },
      { name: 'businessContactLastName', label: 'Contact last name', type: 'text' },
      { name: 'businessContactEmail', label: 'Contact email', type: 'text' },
      { name: 'businessContactPhone', label: 'Contact phone', type: 'text' },
      { name: 'phoneNumbers', label: 'Toll-free numbers', type: 'list', item: 'phoneNumber', hint: 'Comma-separated E.164' },
      { name: 'messageVolume', label: 'Monthly message volume', type: 'text' },
      { name: 'useCase', label: 'Use case', type: 'text' },
      { name: 'useCaseSummary', label: 'Use case summary', type: 'textarea', wide: true },
      { name: 'productionMessageContent', label: 'Production message content', type: 'textarea', wide: true, segments: true },
      { name: 'optInWorkflow', label: 'Opt-in workflow', type: 'textarea', wide: true },
      { name: 'optInWorkflowImageURLs', label: 'Opt-in screenshots (URLs)', type: 'list', item: 'url', wide: true, hint: 'Comma-separated' },
      { name: 'optInConfirmationResponse', label: 'Opt-in confirmation message', type: 'textarea', segments: true },
      { name: 'helpMessageResponse', label: 'HELP response', type: 'textarea', segments: true },
      { name: 'privacyPolicyURL', label: 'Privacy policy URL', type: 'text' },
      { name: 'termsAndConditionURL', label: 'Terms and conditions URL', type: 'text' },
      { name: 'additionalInformation', label: 'Additional information', type: 'textarea', wide: true },
      { name: 'flags', type: 'flags', flags: [['ageGatedContent', 'Age-gated content']] },
    ],
  },
};

const form = $('#form');
const jsonBox = $('#campaign-json');
const jsonStatus = $('[data-testid="json-status"]');
let kind = 'campaign';
/** Keys of a pasted body that the form has no field for: kept, and exported unchanged. */
let extra = {};
let examples = [];

function buildForm() {
  const spec = KINDS[kind];
  $('#form-heading').textContent = spec.title;
  $('#json-endpoint').textContent = spec.endpoint;
  const nodes = spec.fields.map((f) => {
    if (f.type === 'flags') {
      return h('fieldset', { class: 'wide checkbox-row', style: 'border: 0; padding: 0; margin: 0' },
        h('legend', { class: 'sr-only' }, 'Flags'),
        ...f.flags.map(([name, label]) => h('label', null,
          h('input', { type: 'checkbox', name, id: `f-${name}`, 'data-field': name }), label)));
    }
    const id = `f-${f.name}`;
    let control;
    if (f.type === 'select') {
      control = h('select', { id, name: f.name, 'data-field': f.name },
        ...(f.options[0] === '' ? [] : [h('option', { value: '' }, '— choose —')]),
        ...f.options.map((o) => h('option', { value: o }, o || '— choose —')));
    } else if (f.type === 'textarea') {
      control = h('textarea', { id, name: f.name, rows: 3, 'data-field': f.name });
    } else {
      control = h('input', { id, name: f.name, type: 'text', 'data-field': f.name, autocomplete: 'off' });
    }
    return h('div', { class: f.wide ? 'wide' : undefined, 'data-field-box': f.name },
      h('label', { for: id }, f.label),
      control,
      f.hint ? h('p', { class: 'field-meta' }, f.hint) : null,
      f.segments ? h('p', { class: 'field-meta', 'data-testid': `segments-${f.name}` }) : null,
      h('div', { class: 'highlight-view', hidden: true, 'data-highlight': f.name, 'aria-hidden': 'true' }));
  });
  fill(form, ...nodes);
}

/** The request body the form describes (plus pasted keys it has no field for). */
function body() {
  const out = { ...extra };
  for (const f of KINDS[kind].fields) {
    if (f.type === 'flags') {
      for (const [name] of f.flags) {
        const el = form.elements.namedItem(name);
        if (el.checked) out[name] = true;
        else if (name in extra) out[name] = false;
        else delete out[name];
      }
      continue;
    }
    const value = form.elements.namedItem(f.name).value;
    if (f.type === 'list') {
      const items = value.split(',').map((s) => s.trim()).filter(Boolean);
      if (items.length) out[f.name] = f.item ? items.map((v) => ({ [f.item]: v })) : items;
      else delete out[f.name];
    } else if (value !== '') {
      out[f.name] = value;
    } else {
      delete out[f.name];
    }
  }
  return out;
}

/** Fills the form from a request body. */
function load(data) {
  extra = {};
  const known = new Set();
  for (const f of KINDS[kind].fields) {
    if (f.type === 'flags') {
      for (const [name] of f.flags) {
        known.add(name);
        form.elements.namedItem(name).checked = data[name] === true;
      }
      continue;
    }
    known.add(f.name);
    const el = form.elements.namedItem(f.name);
    const v = data[f.name];
    if (f.type === 'list') {
      const items = Array.isArray(v) ? v.map((x) => (x && typeof x === 'object' ? x[f.item ?? 'name'] ?? '' : String(x))) : typeof v === 'string' ? [v] : [];
      el.value = items.join(', ');
    } else if (f.type === 'select' && v !== undefined && ![...el.options].some((o) => o.value === String(v))) {
      el.append(h('option', { value: String(v) }, String(v)));
      el.value = String(v);
    } else {
      el.value = v === undefined || v === null ? '' : typeof v === 'string' ? v : JSON.stringify(v);
    }
  }
  for (const [k, v] of Object.entries(data)) if (!known.has(k) && k !== 'expect' && k !== '$comment') extra[k] = v;
}

const LEVELS = [['error', 'Errors'], ['warning', 'Warnings'], ['info', 'Advice']];

function labelOf(field) {
  for (const f of KINDS[kind].fields) {
    if (f.name === field) return f.label;
    if (f.type === 'flags') for (const [name, label] of f.flags) if (name === field) return label;
  }
  return field;
}

/** Shows a field's text with the evidence marked, under the field. */
function highlight(field, ranges) {
  const box = form.querySelector(`[data-highlight="${CSS.escape(field)}"]`);
  if (!box) return;
  const el = form.elements.namedItem(field);
  const text = el?.value ?? '';
  const spans = ranges.filter((r) => r.end > r.start && r.end <= text.length).sort((a, b) => a.start - b.start);
  box.hidden = spans.length === 0;
  if (box.hidden) return box.replaceChildren();
  const parts = [];
  let at = 0;
  for (const r of spans) {
    if (r.start < at) continue;
    parts.push(text.slice(at, r.start), h('mark', { title: r.rule }, text.slice(r.start, r.end)));
    at = r.end;
  }
  parts.push(text.slice(at));
  fill(box, ...parts.filter((p) => p !== ''));
}

function check() {
  const started = performance.now();
  const data = body();
  let report;
  try {
    report = KINDS[kind].check(data);
  } catch (e) {
    fill($('[data-testid="summary"]'), h('span', { class: 'alert error' }, `${e.code}: ${e.message}`));
    return;
  }
  const { findings, errorCount, warningCount } = report;
  const infoCount = findings.length - errorCount - warningCount;
  $('[data-testid="summary"]').textContent = findings.length === 0
    ? 'No findings: nothing the docs list as a rejection reason.'
    : `${errorCount} error${errorCount === 1 ? '' : 's'}, ${warningCount} warning${warningCount === 1 ? '' : 's'}, ${infoCount} advice.`;
  const groups = LEVELS.map(([level, title]) => {
    const items = findings.filter((f) => f.severity === level);
    if (!items.length) return null;
    return h('section', { 'data-testid': `group-${level}` },
      h('h3', null, `${title} (${items.length})`),
      h('ul', { class: 'findings' }, ...items.map((f) => h('li', { class: `finding ${f.severity}`, 'data-testid': 'finding', 'data-rule': f.rule, 'data-field': f.field },
        h('div', { class: 'meta' }, h('code', null, f.rule), ' · ',
          h('a', { href: `#f-${f.field}`, 'data-focus': f.field }, labelOf(f.field)),
          f.also?.length ? ` (also ${f.also.map(labelOf).join(', ')})` : ''),
        h('p', { style: 'margin: .2rem 0 0' }, f.message),
        f.evidence ? h('p', { class: 'meta' }, 'Found: “', h('mark', null, f.evidence.text), '”') : null,
        h('p', { class: 'fix' }, h('strong', null, 'Fix: '), f.fix)))));
  });
  fill($('[data-testid="findings-groups"]'), ...groups);
  // Evidence, highlighted in the field it points at.
  const byField = new Map();
  for (const f of findings) {
    if (!f.evidence) continue;
    byField.set(f.field, [...(byField.get(f.field) ?? []), { ...f.evidence, rule: f.rule }]);
  }
  for (const box of form.querySelectorAll('[data-highlight]')) highlight(box.dataset.highlight, byField.get(box.dataset.highlight) ?? []);
  // Each sample's own encoding and segments.
  for (const el of form.querySelectorAll('[data-testid^="segments-"]')) el.textContent = '';
  for (const s of report.samples) {
    const el = form.querySelector(`[data-testid="segments-${CSS.escape(s.field)}"]`);
    if (el) el.textContent = `${s.encoding} · ${s.segments} segment${s.segments === 1 ? '' : 's'}`;
  }
  window.__smsedgeLastCheckMs = performance.now() - started;
}

function switchKind(next, data) {
  kind = next;
  for (const tab of document.querySelectorAll('[role="tab"]')) {
    const on = tab.dataset.kind === kind;
    tab.setAttribute('aria-selected', String(on));
    tab.tabIndex = on ? 0 : -1;
    if (on) $('#panel-form').setAttribute('aria-labelledby', tab.id);
  }
  buildForm();
  load(data ?? {});
  renderExamples();
  check();
}

function renderExamples() {
  const mine = examples.filter((e) => e.kind === kind);
  fill($('#examples'), ...mine.map((e) => h('option', { value: e.file }, e.title)));
}

form.addEventListener('input', check);
form.addEventListener('change', check);
form.addEventListener('click', (e) => {
  const target = e.target.closest?.('[data-focus]');
  if (target) form.elements.namedItem(target.dataset.focus)?.focus();
});
document.addEventListener('click', (e) => {
  const link = e.target.closest?.('[data-focus]');
  if (!link) return;
  e.preventDefault();
  form.elements.namedItem(link.dataset.focus)?.focus();
});
for (const tab of document.querySelectorAll('[role="tab"]')) {
  tab.addEventListener('click', () => switchKind(tab.dataset.kind));
  tab.addEventListener('keydown', (e) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    const other = document.querySelector(`[role="tab"]:not([data-kind="${kind}"])`);
    switchKind(other.dataset.kind);
    other.focus();
  });
}

$('#import-json').addEventListener('click', () => {
  let data;
  try {
    data = JSON.parse(jsonBox.value);
  } catch (e) {
    jsonStatus.textContent = `That is not valid JSON: ${e.message}`;
    return;
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    jsonStatus.textContent = 'Paste a JSON object: the request body.';
    return;
  }
  const looksTollFree = 'businessName' in data || 'useCaseSummary' in data || 'optInWorkflow' in data;
  switchKind(looksTollFree ? 'tollfree' : 'campaign', data);
  jsonStatus.textContent = `Loaded as a ${KINDS[kind].title.toLowerCase()}.`;
});

$('#export-json').addEventListener('click', () => {
  jsonBox.value = JSON.stringify(body(), null, 2);
  jsonStatus.textContent = 'The body the findings describe. Copy it into your request.';
});

$('#load-example').addEventListener('click', async () => {
  const file = $('#examples').value;
  const e = examples.find((x) => x.file === file);
  if (!e) return;
  const data = await (await fetch(`examples/${file}`)).json();
  switchKind(e.kind, data);
  $('#examples').value = file;
  jsonStatus.textContent = `Example loaded: ${e.title}.`;
});

try {
  examples = await (await fetch('examples/index.json')).json();
} catch {
  examples = [];
}
switchKind('campaign');
document.body.dataset.ready = 'true';
