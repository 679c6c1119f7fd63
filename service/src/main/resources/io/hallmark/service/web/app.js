// Hallmark Verify: drop files, upload each to POST /v1/verifications, poll until the report is ready, and show it.
// Plain DOM, no library. Every text comes from strings.en.json (one bundle, so the page can be translated), and
// data from the server is only ever set as text, never as HTML.
'use strict';
(() => {
  const SPEC = 'https://spec.c2pa.org/specifications/specifications/2.2/specs/C2PA_Specification.html#_status_codes';
  const IPTC = 'http://cv.iptc.org/newscodes/digitalsourcetype/';
  const TONE = { SIGNED: 'ok', RECOVERED: 'ok', WATERMARK_ONLY: 'warn', UNVERIFIABLE: 'warn', DAMAGED: 'warn', MARK_MISMATCH: 'bad',
    TAMPERED: 'bad', ERROR: 'none', NO_PROVENANCE: 'none' };
  // a shape per verdict, so that colour is never the only cue
  const ICON = { SIGNED: '✓', RECOVERED: '↺', WATERMARK_ONLY: '◎', MARK_MISMATCH: '⚠', TAMPERED: '✗',
    UNVERIFIABLE: '?', DAMAGED: '⊘', NO_PROVENANCE: '–', ERROR: '!' };
  const UPLOADS_AT_ONCE = 2;

  const state = { strings: {}, key: sessionStorage.getItem('hallmark.apiKey') || '', queue: [], active: 0,
    waitingForKey: [], cards: 0 };
  const $ = (id) => document.getElementById(id);

  /** The bundle's string for key, with {name} placeholders filled in. */
  function t(key, params) {
    let s = Object.prototype.hasOwnProperty.call(state.strings, key) ? state.strings[key] : key;
    for (const [k, v] of Object.entries(params || {})) s = s.split('{' + k + '}').join(String(v));
    return s;
  }

  /** An element with attributes and children (strings become text nodes). */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'class') node.className = v;
      else if (k === 'text') node.textContent = v;
      else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v === true ? '' : v);
    }
    for (const c of children.flat()) {
      if (c === null || c === undefined || c === false) continue;
      node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return node;
  }

  function svg(tag, attrs, ...children) {
    const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    for (const c of children.flat()) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    return node;
  }

  function authHeaders() {
    return state.key ? { Authorization: 'Bearer ' + state.key } : {};
  }

  async function init() {
    state.strings = await (await fetch('/web/strings.en.json')).json();
    document.querySelectorAll('[data-i18n]').forEach((n) => { n.textContent = t(n.dataset.i18n); });
    document.title = t('title');
    const input = $('files');
    input.addEventListener('change', () => { addFiles(input.files); input.value = ''; });
    const drop = $('drop');
    ['dragenter', 'dragover'].forEach((e) => drop.addEventListener(e, (ev) => {
      ev.preventDefault(); drop.classList.add('active');
    }));
    ['dragleave', 'drop'].forEach((e) => drop.addEventListener(e, () => drop.classList.remove('active')));
    drop.addEventListener('drop', (ev) => { ev.preventDefault(); addFiles(ev.dataTransfer.files); });
    // a file dropped anywhere else must not make the browser navigate away from the results
    window.addEventListener('dragover', (ev) => ev.preventDefault());
    window.addEventListener('drop', (ev) => ev.preventDefault());
    $('key-save').addEventListener('click', saveKey);
    $('api-key').addEventListener('keydown', (ev) => { if (ev.key === 'Enter') saveKey(); });
    $('compare-close').addEventListener('click', closeComparison);
    window.addEventListener('afterprint', () => {
      document.body.classList.remove('print-one');
      document.querySelectorAll('.result.printing').forEach((c) => c.classList.remove('printing'));
    });
    window.addEventListener('beforeprint', () => document.querySelectorAll('.result details').forEach((d) => { d.open = true; }));
    document.body.dataset.ready = 'true';
  }

  function saveKey() {
    state.key = $('api-key').value.trim();
    sessionStorage.setItem('hallmark.apiKey', state.key);
    $('key-panel').hidden = true;
    const retry = state.waitingForKey.splice(0);
    retry.forEach(enqueue);
  }

  function addFiles(fileList) {
    const files = Array.from(fileList || []);
    if (files.length === 0) return;
    $('results-empty').hidden = true;
    for (const file of files) enqueue({ file, card: newCard(file) });
  }

  function enqueue(job) {
    state.queue.push(job);
    pump();
  }

  function pump() {
    while (state.active < UPLOADS_AT_ONCE && state.queue.length) {
      const job = state.queue.shift();
      state.active++;
      run(job).finally(() => { state.active--; pump(); });
    }
  }

  /** A card for one file: its name and progress now, its report later. */
  function newCard(file) {
    const n = ++state.cards;
    const progress = el('progress', { max: '100', value: '0', 'aria-labelledby': 'stage-' + n });
    const stage = el('span', { id: 'stage-' + n, class: 'stage', text: t('stage.waiting') });
    const card = el('article', { class: 'result', id: 'result-' + n, 'aria-labelledby': 'name-' + n, 'data-state': 'waiting' },
      el('h3', { id: 'name-' + n, text: file.name }),
      el('div', { class: 'progress', role: 'status', 'aria-live': 'polite' }, progress, stage),
      el('div', { class: 'body' }));
    card._progress = progress;
    card._stage = stage;
    $('result-list').append(card);
    return card;
  }

  function setStage(card, text, percent) {
    card._stage.textContent = text;
    if (percent === null) card._progress.removeAttribute('value');
    else card._progress.value = Math.max(0, Math.min(100, percent));
  }

  async function run(job) {
    const { file, card } = job;
    const started = performance.now();
    try {
      let answer = await upload(file, card);
      while (answer.status === 503 || answer.status === 429) {
        const wait = Math.min(30, Number(answer.retryAfter) || 5);
        setStage(card, t('error.busy', { seconds: wait }), null);
        await sleep(wait * 1000);
        answer = await upload(file, card);
      }
      if (answer.status === 401) {
        setStage(card, t('error.unauthorized'), 0);
        state.waitingForKey.push(job);
        $('key-panel').hidden = false;
        $('api-key').focus();
        return;
      }
      let report;
      if (answer.status === 200) {
        report = answer.body;
      } else if (answer.status === 202) {
        report = await poll(answer.body.location, card);
      } else {
        fail(card, answer);
        return;
      }
      setStage(card, t('stage.done', { seconds: ((performance.now() - started) / 1000).toFixed(1) }), 100);
      await render(card, report, file, answer.body.id || idOf(answer.location));
    } catch (e) {
      fail(card, { status: 0, body: { detail: e.message || String(e) } });
    }
  }

  function idOf(location) {
    return location ? location.split('/').pop() : null;
  }

  function sleep(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
  }

  /** POSTs the file with upload progress; resolves with {status, body, retryAfter, location}. */
  function upload(file, card) {
    return new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', '/v1/verifications?async=true&filename=' + encodeURIComponent(file.name));
      for (const [k, v] of Object.entries(authHeaders())) xhr.setRequestHeader(k, v);
      xhr.setRequestHeader('Content-Type', 'application/octet-stream');
      xhr.upload.onprogress = (ev) => {
        if (ev.lengthComputable) {
          const percent = Math.round(100 * ev.loaded / ev.total);
          setStage(card, t('stage.uploading', { percent }), percent);
        }
      };
      xhr.onload = () => {
        let body = {};
        try { body = JSON.parse(xhr.responseText || '{}'); } catch (e) { body = { detail: xhr.responseText }; }
        resolve({ status: xhr.status, body, retryAfter: xhr.getResponseHeader('Retry-After'),
          location: xhr.getResponseHeader('Location') });
      };
      xhr.onerror = () => reject(new Error(t('error.network', { detail: 'the connection was closed' })));
      setStage(card, t('stage.uploading', { percent: 0 }), 0);
      xhr.send(file);
    });
  }

  /** Polls a verification until its report is ready, showing the stage and the service's estimate. */
  async function poll(location, card) {
    for (;;) {
      const r = await fetch(location, { headers: authHeaders() });
      const body = await r.json();
      if (r.status === 200) return body;
      if (r.status !== 202) throw new Error(body.detail || ('HTTP ' + r.status));
      const seconds = Math.round(body.elapsedSeconds || 0);
      if (body.stage === 'queued') setStage(card, t('stage.queued'), null);
      else if (typeof body.estimatedPercent === 'number') {
        setStage(card, t('stage.analysing', { percent: body.estimatedPercent, seconds }), body.estimatedPercent);
      } else setStage(card, t('stage.analysingNoEstimate', { seconds }), null);
      await sleep(400);
    }
  }

  function fail(card, answer) {
    const detail = (answer.body && (answer.body.detail || answer.body.title)) || ('HTTP ' + answer.status);
    const message = answer.status === 413 ? t('error.tooLarge', { detail })
      : answer.status === 0 ? t('error.network', { detail }) : t('error.other', { detail });
    setStage(card, t('stage.failed'), 0);
    card.dataset.state = 'failed';
    const body = card.querySelector('.body');
    body.replaceChildren(verdictBox('ERROR', message));
  }

  /** The verdict box; a signature by no trusted signer is said, and not shown in the colour of trust. */
  function verdictBox(verdict, sentence, untrusted) {
    const tone = untrusted ? 'warn' : TONE[verdict];
    const word = untrusted ? t('verdict.' + verdict + '.untrusted') : t('verdict.' + verdict);
    return el('div', { class: 'verdict tone-' + tone, 'data-verdict': verdict },
      el('span', { class: 'icon', 'aria-hidden': 'true', text: ICON[verdict] }),
      el('span', {}, el('strong', { class: 'word', text: word }),
        el('span', { class: 'sentence', text: sentence }),
        el('span', { class: 'sentence help', text: t('verdictHelp.' + verdict) })));
  }

  /** An image the service made for this verification, as an object URL (it may need the API key). */
  async function serverImage(id, name) {
    if (!id) return null;
    const r = await fetch('/v1/verifications/' + id + '/' + name, { headers: authHeaders() });
    return r.ok ? URL.createObjectURL(await r.blob()) : null;
  }

  async function render(card, report, file, id) {
    card.dataset.state = 'done';
    card.dataset.verdict = report.verdict;
    card._report = report;
    const name = file.name;
    const shown = shownManifest(report);
    const body = card.querySelector('.body');
    const untrusted = (report.verdict === 'SIGNED' || report.verdict === 'RECOVERED') && !(report.trustedBy || []).length;
    body.replaceChildren(verdictBox(report.verdict, report.sentence, untrusted));

    // pictures: the service's poster frame and frame strip for a video; the file itself for a picture
    const media = el('div', { class: 'media' });
    const picture = file.type.startsWith('image/');
    const poster = picture ? null : await serverImage(id, 'thumbnail.jpg');
    if (poster) media.append(el('img', { class: 'poster', src: poster, alt: t('media.poster', { name }) }));
    else if (/^image\/(jpeg|png|webp|gif|avif)$/.test(file.type)) {
      media.append(el('img', { class: 'poster', src: URL.createObjectURL(file), alt: t('media.preview', { name }) }));
    }
    const strip = picture ? null : await serverImage(id, 'frames.jpg');
    if (strip) {
      // scrolls sideways on a phone: reachable with the keyboard, and named
      media.append(el('div', { class: 'strip-box', tabindex: '0', role: 'region', 'aria-label': t('media.strip', { name }) },
        el('img', { class: 'strip', src: strip, alt: t('media.strip', { name }) })));
    }
    if (media.childElementCount) body.append(media);

    card._progress.hidden = true;
    if (report.verdict !== 'ERROR') body.append(facts(report, shown, picture));
    const timeline = watermarkTimeline(report.watermark);
    if (timeline) body.append(timeline);
    if (shown.present) {
      body.append(history(shown));
      body.append(statuses(shown));
    }
    if (report.notes && report.notes.length) {
      body.append(el('details', {}, el('summary', { text: t('notes.title') }),
        el('ul', {}, report.notes.map((note) => el('li', { text: note })))));
    }
    // open by default for anything short of a trusted signature: that is when the limits matter
    const trustedSignature = report.verdict === 'SIGNED' && !untrusted;
    body.append(el('details', { class: 'proves', open: !trustedSignature }, el('summary', { text: t('proves.title') }),
      el('p', { text: t('proves.' + report.verdict) })));
    body.append(actions(card, report, name));
    $('compare-hint').hidden = document.querySelectorAll('.result[data-state="done"]').length < 2;
    if (state.cards === 1) $('results').focus();
  }

  function facts(report, shown, picture) {
    const dl = el('dl', { class: 'facts' });
    const add = (label, ...value) => dl.append(el('dt', { text: t(label) }), el('dd', {}, ...value));
    const credentials = credentialsKey(report);
    add('fact.credentials', credentials === 'credentials.none' ? t(credentials) : el('span', { text: t(credentials),
      class: credentials === 'credentials.recovered' ? 'badge recovered' : report.verdict === 'SIGNED' ? 'badge embedded' : 'badge' }));
    if (shown.present) {
      add('fact.signedBy', shown.signer || shown.signerCommonName || t('unit.none'));
      add('fact.signedAt', signedAtWords(shown));
      add('fact.trust', trustFor(report, shown));
      // a CAWG identity's trust is its own: never shown as the signer's
      for (const i of shown.identities || []) add('fact.identity', t('identity.' + i.trust, { who: identityWho(i) }));
      add('fact.aiDisclosure', aiWords(shown.digitalSourceType));
      const g = shown.generation;
      const model = modelWords(g);
      if (model) add('fact.model', model);
      const agent = (shown.softwareAgent || '').replace(/ unknown$/, '');
      if (agent && agent !== model) add('fact.generator', agent);
      if (g && g.prompt) add('fact.prompt', g.prompt);
      if (shown.manifestId) add('fact.manifest', el('code', { text: shown.manifestId }));
    }
    add('fact.watermark', picture ? t('watermark.picture') : watermarkWords(report.watermark));
    if (report.contentCheck) add('fact.contentCheck', contentWords(report.contentCheck));
    for (const m of report.possibleMatches || []) {
      add('fact.possibleMatch', t('match.lead', { id: m.manifestId, score: m.similarityScore }));
    }
    return dl;
  }

  function identityWho(i) {
    if (i.commonName && i.issuer) return i.commonName + ' (' + i.issuer + ')';
    return i.commonName || i.issuer || i.label;
  }

  /** Whether the credentials shown come from the store, the file's own having been stripped. */
  function isRecovered(report) {
    return Boolean(report.recoveredManifest && report.recoveredManifest.present);
  }

  /** The manifest the facts describe: the recovered one, else the file's own (its manifestId is the one to show). */
  function shownManifest(report) {
    return isRecovered(report) ? report.recoveredManifest : report.c2pa;
  }

  function credentialsKey(report) {
    return isRecovered(report) ? 'credentials.recovered' : report.c2pa.present ? 'credentials.embedded' : 'credentials.none';
  }

  function trustFor(report, shown) {
    return isRecovered(report) ? recoveredTrustWords(shown, report.trustedBy) : trustWords(shown.state, report.trustedBy);
  }

  function contentWords(c) {
    return t('content.' + c.decision, { matched: c.matchedFrames, usable: c.usableFrames });
  }

  function trustWords(stateName, trustedBy) {
    if (!stateName) return t('trust.none');
    return t('trust.' + stateName, { lists: (trustedBy || []).join(', ') });
  }

  /**
   * A recovered manifest is read against a copy whose bytes differ from the signed ones (re-encoded, stripped): its
   * hash mismatch is expected, and the content check stands in for it. Any other failure still counts.
   */
  function recoveredTrustWords(shown, trustedBy) {
    // c2pa-rs lists an untrusted signer among the failures of a Valid manifest too: that is the trust question
    const others = (shown.failures || []).filter((code) => !/Hash\.mismatch$/.test(code)
      && code !== 'signingCredential.untrusted');
    if (others.length) return trustWords('Invalid', trustedBy);
    return trustWords(trustedBy && trustedBy.length ? 'Trusted' : 'Valid', trustedBy) + ' ' + t('trust.recoveredHash');
  }

  function aiWords(type) {
    type = (type || '').trim(); // some manifests pad the IRI with a space (c2pa-rs's C_with_CAWG_data.jpg)
    if (!type) return t('ai.none');
    const code = type.startsWith(IPTC) ? type.slice(IPTC.length) : type;
    return Object.prototype.hasOwnProperty.call(state.strings, 'ai.' + code) ? t('ai.' + code) : t('ai.unknown', { type });
  }

  function watermarkWords(w) {
    if (!w || !w.analysed) return t('watermark.notChecked');
    if (!w.detected) return t('watermark.notFound');
    let words = w.payload ? t('watermark.found', { payload: w.payload }) : t('watermark.foundNoId');
    if (w.idObtained === 'confirmed') {
      words += ' ' + t('watermark.confirmed', { candidates: w.idCandidates, p: Number(w.idPValue).toExponential(1) });
    }
    const g = w.geometry;
    if (g && (Math.abs(g.rotationDegrees) > 0.05 || Math.abs(g.stretchX - 1) > 0.005 || g.mirrored)) {
      words += ' ' + t('watermark.geometry', { rotation: g.rotationDegrees.toFixed(1), stretch: g.stretchX.toFixed(3),
        mirrored: g.mirrored ? t('watermark.mirrored') : '' });
    }
    return words;
  }

  /** Bars per segment, filled where the mark is; the same facts as a list for screen readers. */
  function watermarkTimeline(w) {
    if (!w || !w.analysed || !w.segments || !w.segments.length) return null;
    const segs = w.segments;
    const width = 640;
    const height = 90;
    const max = Math.max(1e-9, ...segs.map((s) => Math.max(0, s.score)));
    const end = segs[segs.length - 1].endSec;
    const barW = width / segs.length;
    const marked = segs.filter((s) => s.detected).length;
    const summary = t('timeline.summary', { marked, total: segs.length });
    const chart = svg('svg', { viewBox: '0 0 ' + width + ' ' + height, role: 'img', 'aria-label': summary });
    segs.forEach((s, i) => {
      const h = Math.max(2, height * Math.max(0, s.score) / max);
      chart.append(svg('rect', { x: (i * barW + 1).toFixed(1), y: (height - h).toFixed(1),
        width: Math.max(1, barW - 2).toFixed(1), height: h.toFixed(1), class: s.detected ? 'bar-on' : 'bar-off' },
      svg('title', {}, rowText(s))));
    });
    return el('section', { class: 'timeline' },
      el('h4', { text: t('timeline.title') }),
      el('p', { class: 'hint', text: summary + ' ' + t('timeline.caption') }),
      chart,
      el('div', { class: 'axis', 'aria-hidden': 'true' }, el('span', { text: '0 s' }), el('span', { text: end.toFixed(1) + ' s' })),
      el('ul', { class: 'visually-hidden' }, segs.map((s) => el('li', { text: rowText(s) }))));
  }

  function rowText(s) {
    return t('timeline.row', { start: s.startSec.toFixed(1), end: s.endSec.toFixed(1),
      state: t(s.detected ? 'timeline.carries' : 'timeline.lacks'), score: s.score.toFixed(1) });
  }

  /** The manifest's actions, and its ingredients as a tree under it with their own status codes. */
  function history(shown) {
    const d = el('details', { class: 'history' }, el('summary', { text: t('history.title') }));
    if (shown.actions && shown.actions.length) {
      d.append(el('h5', { text: t('history.actions') }), el('ol', {}, shown.actions.map((a) => el('li', {}, el('code', { text: a })))));
    }
    d.append(el('h5', { text: t('history.ingredients') }));
    const ingredients = shown.ingredients || [];
    if (!ingredients.length) {
      d.append(el('p', { text: t('history.noIngredients') }));
    } else {
      const results = shown.ingredientResults || [];
      d.append(el('ul', { class: 'tree' }, el('li', {}, el('code', { text: shown.manifestId || '' }),
        el('ul', {}, ingredients.map((name, i) => {
          const own = results[i] ? results[i].statuses : [];
          return el('li', {}, name, own.length ? ' (' + t('history.ingredientStatus', { count: own.length }) + ')' : '',
            own.length ? el('ul', {}, own.map(statusLine)) : null);
        })))));
    }
    return d;
  }

  function statuses(shown) {
    const list = shown.statuses || [];
    // one line per code: eight "a piece of the manifest matches its recorded hash" say nothing eight times
    const grouped = new Map();
    for (const s of list) {
      const key = s.kind + ' ' + s.code;
      if (grouped.has(key)) grouped.get(key).count++;
      else grouped.set(key, { status: s, count: 1 });
    }
    const d = el('details', { class: 'statuses' }, el('summary', { text: t('statuses.title') + ' (' + grouped.size + ')' }));
    d.append(list.length ? el('ul', {}, Array.from(grouped.values()).map(statusLine)) : el('p', { text: t('statuses.none') }));
    return d;
  }

  function statusLine({ status: s, count }) {
    return el('li', { class: 'status' }, el('code', { text: s.code }), count > 1 ? ' ×' + count : '', ' ',
      el('span', { class: 'kind-' + s.kind, text: '(' + s.kind + ')' }), ': ', s.explanation || '', ' ',
      el('a', { href: SPEC, target: '_blank', rel: 'noopener', text: t('statuses.spec') }));
  }

  function actions(card, report, name) {
    const json = new Blob([JSON.stringify(report, null, 2)], { type: 'application/json' });
    const compare = el('input', { type: 'checkbox', class: 'compare-pick', onchange: updateComparison,
      'aria-label': t('action.compareFile', { name }) });
    return el('div', { class: 'actions' },
      el('a', { class: 'button secondary', href: URL.createObjectURL(json), download: name + '.hallmark.json', text: t('action.json') }),
      el('button', { type: 'button', class: 'button secondary', text: t('action.report'),
        onclick: () => { document.body.classList.add('print-one'); card.classList.add('printing'); window.print(); } }),
      el('label', {}, compare, t('action.compare')));
  }

  /** When it was signed: the time-stamp authority's time, else the signer's own clock, said as such. */
  function signedAtWords(shown) {
    const time = (s) => s.replace('T', ' ').replace(/\+00:00$|Z$/, ' UTC');
    if (shown.signedAt) return time(shown.signedAt);
    return shown.claimedTime ? t('fact.signedAtClaimed', { time: time(shown.claimedTime) }) : t('fact.signedAtUnknown');
  }

  /** "VendorVideo 2", without the version when none was claimed ("unknown"). */
  function modelWords(g) {
    if (!g || !g.model || g.model === 'unknown') return '';
    return g.model + (g.modelVersion && g.modelVersion !== 'unknown' ? ' ' + g.modelVersion : '');
  }

  function comparable(report) {
    const shown = shownManifest(report);
    return [
      ['fact.credentials', t(credentialsKey(report))],
      ['fact.signedBy', shown.present && shown.signer || t('unit.none')],
      ['fact.signedAt', shown.present ? signedAtWords(shown) : t('unit.none')],
      ['fact.trust', shown.present ? trustFor(report, shown) : t('unit.none')],
      ['fact.aiDisclosure', shown.present ? aiWords(shown.digitalSourceType) : t('unit.none')],
      ['fact.model', modelWords(shown.generation) || t('unit.none')],
      ['fact.manifest', shown.manifestId || t('unit.none')],
      ['fact.watermark', watermarkWords(report.watermark)],
      ['fact.contentCheck', report.contentCheck ? contentWords(report.contentCheck) : t('unit.none')],
    ];
  }

  function updateComparison() {
    const picked = Array.from(document.querySelectorAll('.compare-pick:checked')).map((c) => c.closest('.result'));
    if (picked.length !== 2) { $('compare').hidden = true; return; }
    const [a, b] = picked;
    const fa = comparable(a._report);
    const fb = comparable(b._report);
    const table = el('table', {},
      el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: t('compare.field') }),
        el('th', { scope: 'col', text: a.querySelector('h3').textContent }),
        el('th', { scope: 'col', text: b.querySelector('h3').textContent }))),
      el('tbody', {},
        el('tr', {}, el('th', { scope: 'row', text: t('fact.verdict') }),
          el('td', { text: t('verdict.' + a._report.verdict) }), el('td', { text: t('verdict.' + b._report.verdict) })),
        fa.map(([label, va], i) => {
          const vb = fb[i][1];
          const same = va === vb;
          // two files that both lack a fact do not agree on it
          const neither = va === t('unit.none') && vb === t('unit.none');
          return el('tr', { class: neither ? 'neither' : same ? 'same' : 'differs' }, el('th', { scope: 'row' }, t(label),
            neither ? '' : ' ', neither ? '' : el('span', { class: 'mark', text: '(' + t(same ? 'compare.same' : 'compare.differs') + ')' })),
          el('td', { text: va }), el('td', { text: vb }));
        })));
    $('compare-table').replaceChildren(el('div', { class: 'table-scroll', tabindex: '0', role: 'region',
      'aria-label': t('compare.title') }, table));
    $('compare').hidden = false;
    $('compare').focus();
  }

  function closeComparison() {
    document.querySelectorAll('.compare-pick:checked').forEach((c) => { c.checked = false; });
    $('compare').hidden = true;
  }

  document.addEventListener('DOMContentLoaded', init);
})();
