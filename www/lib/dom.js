// Tiny DOM helpers. Everything a user typed is set as text (textContent, attributes),
// never parsed as HTML.

/**
 * Creates an element: h('span', { class: 'x', title: 't' }, 'text', childNode, ...).
 * @param {string} tag
 * @param {Record<string, string | number | boolean | undefined> | null} attrs
 * @param {...(Node | string | number | null | undefined | false)} children
 */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  if (attrs) {
    for (const [k, v] of Object.entries(attrs)) {
      if (v === undefined || v === false) continue;
      el.setAttribute(k, v === true ? '' : String(v));
    }
  }
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
  return el;
}

/** Replaces an element's children. */
export function fill(el, ...children) {
  el.replaceChildren(...children.filter((c) => c !== null && c !== undefined && c !== false)
    .map((c) => (typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c)));
}

export const $ = (sel, root = document) => root.querySelector(sel);

/** U+XXXX. */
export function codePointLabel(cp) {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Shows a character visibly: controls and spaces get a symbol. */
export function visible(char) {
  const cp = char.codePointAt(0) ?? 0;
  if (char === '\n') return '↵';
  if (char === '\t') return '⇥';
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return `␀${codePointLabel(cp)}`;
  if (/^\s$/u.test(char) || cp === 0x200b || cp === 0xfeff || cp === 0x2060) return '·';
  return char;
}

const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 4 });
export const formatMoney = (n) => money.format(n);
export const formatNumber = (n) => new Intl.NumberFormat('en-US').format(n);

/** "0.5 s", "45 s", "1 min 40 s", "5 h 33 min", "3 days". */
export function formatDuration(seconds) {
  if (!Number.isFinite(seconds)) return '—';
  if (seconds < 10) return `${Number(seconds.toPrecision(2))} s`;
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return s % 60 === 0 ? `${s / 60} min` : `${Math.floor(s / 60)} min ${s % 60} s`;
  const minutes = Math.round(s / 60);
  if (minutes < 48 * 60) return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
  return `${Math.round(minutes / 1440)} days`;
}

/** Light / dark / system theme switch, remembered in localStorage. */
export function setupTheme() {
  const button = document.getElementById('theme');
  const order = ['system', 'light', 'dark'];
  const apply = (mode) => {
    if (mode === 'system') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = mode;
    if (button) button.textContent = `Theme: ${mode}`;
  };
  let mode = localStorage.getItem('smsedge-theme') ?? 'system';
  if (!order.includes(mode)) mode = 'system';
  apply(mode);
  button?.addEventListener('click', () => {
    mode = order[(order.indexOf(mode) + 1) % order.length];
    localStorage.setItem('smsedge-theme', mode);
    apply(mode);
  });
}
