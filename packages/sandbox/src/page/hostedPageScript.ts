// The hosted page's client script, shared by every mode: "server" (talks to /hf2/{id}/actions),
// "bridge" (no server: drives an in-memory engine registered on the same-origin parent or opener)
// and "preview" (the theme builder's live preview, driven by postMessage). Kept as plain JS text so
// it can be inlined under a nonce in any document, Node-rendered or blob-built.
// Protocol v1 messages (packages/core/PROTOCOL.md) go to window.parent or window.opener with an
// explicit target origin, never "*".
export const HOSTED_PAGE_SCRIPT = String.raw`(function () {
'use strict';
var model = JSON.parse(document.getElementById('vg-model').textContent);
var NONCE = (document.currentScript && document.currentScript.nonce) || '';
var root = document.getElementById('vg-root');
var state = model.state || null;
var pipelineOverride = null;
var previewStep = 0;
var flowId = model.flowId;
var sent = { ready: false, index: -1, end: false };
var retryDismissed = null;
var stream = null;
var busy = false;
var LIVENESS = ['verilive', 'verilive-one-shot', 'verilive-infrared'];
var DOCS = ['veridoc', 'redoc', 'egov-doc', 'doc-preview', 'kisc'];
var OTP = ['otp', 'veriphone'];
var FORMS = ['flow-form', 'client-card', 'doc-builder'];
var FIELD_LABELS = {
  en: { full_name: 'Full name', iin: 'IIN', phone_number: 'Phone number' },
  ru: { full_name: 'ФИО', iin: 'ИИН', phone_number: 'Номер телефона' },
  kk: { full_name: 'Аты-жөні', iin: 'ЖСН', phone_number: 'Телефон нөмірі' }
};

// ---- strings and theme ----------------------------------------------------------------------
function ui() { return (state && state.ui) || {}; }
function locale() { return (state && state.locale) || 'en'; }
function t(key, vars) {
  var tr = ui().translation || {};
  var own = tr[locale()] || {};
  var entry = model.catalog[key];
  var text = Object.prototype.hasOwnProperty.call(own, key) ? own[key] : entry ? entry.defaults[locale()] || entry.defaults.en : key;
  if (vars) for (var k in vars) text = text.split('{' + k + '}').join(String(vars[k]));
  return text;
}
// A service's name from the catalog (service.<name>), so locale and overrides reach it.
function serviceLabel(name) { return model.catalog['service.' + name] ? t('service.' + name) : name; }
function applyLook() {
  var u = ui();
  var tokens = model.themes[u.theme] || model.themes['default'];
  var css = ':root{';
  for (var name in tokens) css += name + ':' + tokens[name] + ';';
  css += '}\n' + (u.css || '');
  var old = document.getElementById('vg-look');
  var style = document.createElement('style');
  style.id = 'vg-look';
  style.nonce = NONCE;
  style.textContent = css;
  if (old) old.replaceWith(style); else document.head.appendChild(style);
  var icon = document.querySelector('link[rel=icon]');
  if (icon) {
    if (!icon.getAttribute('data-default')) icon.setAttribute('data-default', icon.href);
    icon.href = u.favicon_url && u.favicon_url !== model.defaultFaviconUrl ? u.favicon_url : icon.getAttribute('data-default');
  }
  document.documentElement.lang = locale();
  document.title = t('header.title');
}

// ---- DOM helpers ----------------------------------------------------------------------------
function el(tag, attrs, children) {
  var node = document.createElement(tag);
  if (attrs) for (var k in attrs) {
    var v = attrs[k];
    if (v === undefined || v === null || v === false) continue;
    if (k === 'text') node.textContent = v;
    else if (k.slice(0, 2) === 'on') node.addEventListener(k.slice(2), v);
    else if (v === true) node.setAttribute(k, '');
    else node.setAttribute(k, v);
  }
  (children || []).forEach(function (c) { if (c) node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); });
  return node;
}
function svg(markup, cls) {
  var holder = document.createElement('div');
  holder.innerHTML = '<svg xmlns="http://www.w3.org/2000/svg" class="' + (cls || '') + '" ' + markup + '</svg>';
  return holder.firstChild;
}
var LOGO = 'viewBox="0 0 150 32" role="img" aria-label="Verigram"><circle cx="16" cy="16" r="14" fill="currentColor"/><path d="M9 15.5l5 5 9-10" stroke="#fff" stroke-width="3.2" fill="none" stroke-linecap="round" stroke-linejoin="round"/><text x="38" y="22.5" font-family="system-ui,sans-serif" font-size="19" font-weight="700">verigram</text>';
var LOCK = 'viewBox="0 0 12 12" aria-hidden="true"><rect x="2" y="5" width="8" height="6" rx="1.2" fill="currentColor"/><path d="M4 5V3.6a2 2 0 0 1 4 0V5" stroke="currentColor" fill="none" stroke-width="1.3"/>';
var FACE = 'viewBox="0 0 220 280" aria-hidden="true"><ellipse cx="110" cy="128" rx="58" ry="74" fill="none" stroke="rgba(255,255,255,.55)" stroke-width="3" stroke-dasharray="8 8"/><path d="M46 280c6-48 32-70 64-70s58 22 64 70" fill="rgba(255,255,255,.12)"/>';
var GUIDE = 'viewBox="0 0 220 280" aria-hidden="true"><ellipse cx="110" cy="128" rx="62" ry="80" fill="none" stroke="rgba(255,255,255,.7)" stroke-width="2.5" stroke-dasharray="6 7"/>';
var CARD = 'viewBox="0 0 172 108" aria-hidden="true"><rect width="172" height="108" rx="9" fill="#eef2f7" stroke="#c9d3e0"/><rect width="172" height="22" rx="9" fill="currentColor"/><rect y="12" width="172" height="10" fill="currentColor"/><rect x="12" y="32" width="44" height="56" rx="5" fill="#d5dee9"/><circle cx="34" cy="54" r="11" fill="#b7c4d4"/><path d="M16 86c2-12 9-17 18-17s16 5 18 17" fill="#b7c4d4"/><rect x="66" y="36" width="90" height="7" rx="3" fill="#b7c4d4"/><rect x="66" y="51" width="66" height="7" rx="3" fill="#b7c4d4"/><rect x="66" y="66" width="80" height="7" rx="3" fill="#b7c4d4"/><rect x="12" y="96" width="148" height="4" rx="2" fill="#d5dee9"/>';

// ---- messages to the embedder -----------------------------------------------------------------
function targetWindow() {
  if (window.parent && window.parent !== window) return window.parent;
  return window.opener || null;
}
function originOf(url) { try { var o = new URL(url).origin; return o && o !== 'null' ? o : null; } catch (e) { return null; } }
function targetOrigin() {
  // The flow's callback_url names the embedder; without one, the frame's ancestor or referrer.
  // (An app's own scheme, myapp://done, has no web origin: fall back to the frame's ancestor.)
  var fromCallback = state && state.callbackUrl ? originOf(state.callbackUrl) : null;
  if (fromCallback) return fromCallback;
  if (location.ancestorOrigins && location.ancestorOrigins.length) { var a = location.ancestorOrigins[0]; if (a && a !== 'null') return a; }
  return document.referrer ? originOf(document.referrer) : null;
}
function post(type, extra) {
  // Silent like Verigram's page (postMessages: false); the theme preview answers its builder anyway.
  if (model.postMessages === false && model.mode !== 'preview') return;
  var target = targetWindow();
  var origin = targetOrigin();
  if (!target || !origin) return;
  var msg = { protocol: 'verigram-hf2', version: 1, type: type, flowId: flowId };
  if (extra) for (var k in extra) msg[k] = extra[k];
  try { target.postMessage(msg, origin); } catch (e) { /* the embedder navigated away */ }
}
var lastHeight = 0;
function reportHeight() {
  var h = Math.ceil(document.body.scrollHeight);
  if (h && h !== lastHeight) { lastHeight = h; post('resize', { height: h }); }
}
if (typeof ResizeObserver === 'function') new ResizeObserver(reportHeight).observe(document.body);

// ---- transport ------------------------------------------------------------------------------
function bridge() {
  var wins = [window.parent, window.opener];
  for (var i = 0; i < wins.length; i++) {
    try { var reg = wins[i] && wins[i].__verigramSandbox__; if (reg && reg[model.bridgeKey]) return reg[model.bridgeKey]; } catch (e) { /* cross-origin */ }
  }
  return null;
}
function send(action) {
  if (model.mode === 'preview') return Promise.resolve(state);
  if (model.mode === 'bridge') {
    var b = bridge();
    if (!b) return Promise.reject(new Error('The in-memory sandbox is not reachable from this window'));
    return new Promise(function (resolve) { resolve(b(flowId, JSON.parse(JSON.stringify(action)))); })
      .then(function (s) { return JSON.parse(JSON.stringify(s)); });
  }
  return fetch(model.apiBase + 'actions', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(action), credentials: 'omit' })
    .then(function (r) { return r.json().then(function (body) { if (!r.ok) throw new Error(body.error_msg || r.status); return body; }); });
}
// One request at a time. A keep-alive ping is skipped while anything is in flight; a person's
// action waits for an in-flight ping instead of being lost, and a second click while their own
// action is pending is ignored (it would otherwise decide the next step too).
var inFlight = null;
function act(action) {
  var isPing = action.type === 'ping';
  if (isPing ? inFlight : busy) return Promise.resolve();
  if (!isPing) busy = true;
  var run = (inFlight || Promise.resolve()).then(function () { return send(action); });
  var done = run.then(function (next) { update(next); }, function (err) { showError(err); });
  var settled = done.then(function () {
    if (!isPing) busy = false;
    if (inFlight === settled) inFlight = null;
  });
  inFlight = settled;
  return settled;
}
function showError(err) {
  root.replaceChildren(el('div', { class: 'vg-shell' }, [el('div', { class: 'vg-card vg-center', role: 'alert' }, [
    el('div', { class: 'vg-result-icon', 'data-tone': 'fail', text: '!' }),
    el('h2', { text: t('result.fail.title') }), el('p', { text: String((err && err.message) || err) })])]));
}

// ---- state changes ----------------------------------------------------------------------------
function update(next) {
  var prev = state;
  state = next;
  if (prev && next && prev.steps) {
    next.steps.forEach(function (s, i) {
      var before = prev.steps[i];
      if (before && (before.status === 'active' || before.status === 'pending') && (s.status === 'pass' || s.status === 'fail' || s.status === 'unknown'))
        post('step_completed', { stepId: s.stepId, stepIndex: i, serviceName: s.serviceName, status: s.status });
    });
  }
  render();
}
function announce() {
  if (!state) return;
  if (!sent.ready) { sent.ready = true; post('ready', { stepCount: state.steps.length }); }
  if (state.phase === 'in_progress' && sent.index !== state.currentIndex) {
    sent.index = state.currentIndex;
    var s = state.steps[state.currentIndex];
    post('step_started', { stepId: s.stepId, stepIndex: state.currentIndex, serviceName: s.serviceName });
  }
  if (state.phase === 'ended' && !sent.end && model.mode !== 'preview') {
    sent.end = true;
    if (state.endCause === 'completed') post('completed', { flowStatus: state.flowStatus });
    else if (state.endCause === 'disconnected' && state.abandoned) post('cancelled');
    else post('failed', { endCause: state.endCause });
  }
}

// ---- views ------------------------------------------------------------------------------------
function header() {
  var u = ui();
  var logo = u.logo_url && u.logo_url !== model.defaultLogoUrl
    ? el('img', { class: 'vg-logo', src: u.logo_url, alt: 'Logo' })
    : svg(LOGO, 'vg-logo-svg');
  var parts = [logo, el('h1', { class: 'vg-title', text: t('header.title') })];
  if (state.phase === 'in_progress') {
    var total = state.steps.length, current = state.currentIndex + 1;
    var bar = el('span');
    bar.style.width = Math.round((current / total) * 100) + '%';
    parts.push(el('div', { class: 'vg-progress' }, [
      el('div', { class: 'vg-progress-label', text: t('header.step_counter', { current: current, total: total }) }),
      el('div', { class: 'vg-bar', role: 'progressbar', 'aria-valuemin': '0', 'aria-valuemax': String(total), 'aria-valuenow': String(current) }, [bar])]));
  }
  return el('header', { class: 'vg-header' }, parts);
}
function footer() {
  return el('footer', { class: 'vg-footer' }, [svg(LOCK), el('span', { text: t('footer.secured') })]);
}
function button(label, onclick, cls, extra) {
  var attrs = { class: 'vg-btn ' + (cls || ''), type: 'button', onclick: onclick };
  if (extra) for (var k in extra) attrs[k] = extra[k];
  return el('button', attrs, [label]);
}
function currentStep() { return state.steps[state.currentIndex]; }
function retryKey() { var s = currentStep(); return s ? s.stepId + ':' + s.attemptsLeft : ''; }
function pass() { stopCamera(); return act({ type: 'outcome', outcome: 'pass' }); }

function testerPanel(step) {
  var isLive = LIVENESS.indexOf(step.serviceName) >= 0;
  var select = null;
  if (isLive) {
    select = el('select', { class: 'vg-select', 'aria-label': 'Liveness error code', 'data-testid': 'tester-error' },
      model.livenessErrors.map(function (c) { return el('option', { value: c, text: c }); }));
    select.value = 'model_prediction';
  }
  return el('aside', { class: 'vg-tester', 'aria-label': 'Sandbox controls' }, [
    el('div', { class: 'vg-tester-head' }, [el('span', { class: 'vg-pill', text: 'SANDBOX' }), 'Choose this step\u2019s outcome']),
    el('div', { class: 'vg-tester-row' }, [
      button('Pass', pass, '', { 'data-testid': 'tester-pass' }),
      button('Review', function () { stopCamera(); act({ type: 'outcome', outcome: 'unknown' }); }, 'vg-btn-secondary', { 'data-testid': 'tester-review' })]),
    el('div', { class: 'vg-tester-row' }, [select, button('Fail', function () {
      stopCamera();
      act({ type: 'outcome', outcome: 'fail', errorCodes: select ? [select.value] : [] });
    }, 'vg-btn-danger', { 'data-testid': 'tester-fail' })]),
    button(t('button.cancel'), function () { stopCamera(); act({ type: 'abandon' }); }, 'vg-btn-secondary', { 'data-testid': 'tester-abandon' })
  ]);
}

function welcomeView() {
  return [el('h2', { text: t('welcome.title') }), el('p', { text: t('welcome.body') }),
    el('ol', { class: 'vg-steps' }, state.steps.map(function (s, i) {
      return el('li', null, [el('span', { class: 'vg-num', text: String(i + 1) }), serviceLabel(s.serviceName)]);
    })),
    button(t('button.start'), function () { act({ type: 'start' }); }, '', { 'data-testid': 'start' })];
}

function livenessView() {
  var oval = el('div', { class: 'vg-oval', 'data-state': 'waiting' });
  var status = el('p', { class: 'vg-status', role: 'status', text: t('liveness.camera_request') });
  var cont = button(t('button.continue'), pass, '', { disabled: true });
  if (model.mode === 'preview') {
    oval.appendChild(svg(FACE));
    status.textContent = t('liveness.hint');
    cont.disabled = false;
  } else startCamera(oval, status, cont);
  return [el('h2', { class: 'vg-center', text: t('liveness.title') }), oval, status, cont];
}
function startCamera(oval, status, cont) {
  var md = navigator.mediaDevices;
  var fail = function (err) {
    oval.setAttribute('data-state', 'error');
    oval.appendChild(svg(FACE));
    status.setAttribute('data-tone', 'error');
    status.textContent = t('liveness.camera_error') + ' (' + (err && err.name || 'Error') + ')';
    post('camera_error', { name: String(err && err.name || 'Error'), message: String(err && err.message || '') });
  };
  if (!md || !md.getUserMedia) { fail({ name: 'NotSupportedError', message: 'navigator.mediaDevices is unavailable (insecure context?)' }); return; }
  md.getUserMedia({ video: true }).then(function (s) {
    stream = s;
    var video = el('video', { autoplay: true, muted: true, playsinline: true, 'aria-label': t('liveness.title') });
    video.muted = true;
    video.srcObject = s;
    oval.appendChild(video);
    oval.appendChild(svg(GUIDE));
    oval.setAttribute('data-state', 'live');
    status.textContent = t('liveness.hint');
    cont.disabled = false;
    var p = video.play(); if (p && p.catch) p.catch(function () {});
  }, fail);
}
function stopCamera() { if (stream) { stream.getTracks().forEach(function (tr) { tr.stop(); }); stream = null; } }

function documentView() {
  return [el('h2', { text: t('document.title') }), el('p', { text: t('document.hint') }),
    el('div', { class: 'vg-doc' }, [svg(CARD)]), button(t('button.continue'), pass)];
}
function otpView() {
  var go = button(t('button.continue'), pass, '', { disabled: true });
  var input = el('input', { class: 'vg-input vg-otp', inputmode: 'numeric', autocomplete: 'one-time-code', maxlength: '6', 'aria-label': t('otp.title'),
    oninput: function () { input.value = input.value.replace(/\D/g, '').slice(0, 6); go.disabled = input.value.length !== 6; } });
  return [el('h2', { text: t('otp.title') }), el('p', { text: t('otp.hint') }), el('div', { class: 'vg-field' }, [input]), go];
}
function consentView() {
  var go = button(t('button.continue'), pass, '', { disabled: true });
  var box = el('input', { type: 'checkbox', onchange: function () { go.disabled = !box.checked; } });
  return [el('h2', { text: t('consent.title') }), el('label', { class: 'vg-check' }, [box, el('span', { text: t('consent.body') })]), go];
}
function formView() {
  var labels = FIELD_LABELS[locale()] || FIELD_LABELS.en;
  var data = state.inputData || {};
  var fields = ['full_name', 'iin', 'phone_number'].map(function (name) {
    var id = 'vg-f-' + name;
    return el('div', { class: 'vg-field' }, [el('label', { for: id, text: labels[name] }),
      el('input', { class: 'vg-input', id: id, name: name, value: data[name] || '', autocomplete: name === 'full_name' ? 'name' : name === 'phone_number' ? 'tel' : 'off' })]);
  });
  return [el('h2', { text: t('form.title') })].concat(fields, [button(t('button.continue'), pass)]);
}
function genericView(step) {
  var spinner = el('div', { class: 'vg-spinner', role: 'status', 'aria-label': t('generic.hint') });
  var go = button(t('button.continue'), pass, '', { disabled: true });
  // Automatic checks "run" for a moment, then let the user continue (the tester may decide otherwise).
  setTimeout(function () {
    if (!spinner.isConnected) return;
    spinner.replaceWith(el('div', { class: 'vg-done', 'aria-hidden': 'true', text: '\u2713' }));
    go.disabled = false;
  }, model.mode === 'preview' ? 0 : 1200);
  return [el('h2', { class: 'vg-center', text: t('generic.title', { service: serviceLabel(step.serviceName) }) }),
    el('p', { class: 'vg-center', text: t('generic.hint') }), spinner, go];
}
function retryView(step) {
  return [el('h2', { text: t('result.fail.title') }),
    el('div', { class: 'vg-alert', role: 'alert' }, [el('code', { text: state.retryErrorCodes.join(', ') })]),
    el('p', { text: t('result.attempts_left', { count: step.attemptsLeft }) }),
    button(t('button.retry'), function () { retryDismissed = retryKey(); render(); }, '', { 'data-testid': 'retry' })];
}
function endView() {
  var expired = state.endCause === 'timeout' || (state.endCause === 'disconnected' && !state.abandoned);
  var redirect = state.callbackUrl && !state.statusPage && model.mode !== 'preview';
  if (redirect && !expired) {
    setTimeout(function () { location.href = state.callbackUrl; }, 400);
    return [el('div', { class: 'vg-spinner', role: 'status' }), el('h2', { class: 'vg-center', text: t('result.redirecting') })];
  }
  var tone = state.flowStatus === 'pass' ? 'pass' : state.flowStatus === 'fail' ? 'fail' : 'neutral';
  var title = expired ? t('result.expired') : tone === 'pass' ? t('result.pass.title') : tone === 'fail' ? t('result.fail.title') : t('header.title');
  var out = [el('div', { class: 'vg-result-icon', 'data-tone': tone, 'aria-hidden': 'true', text: tone === 'pass' ? '\u2713' : tone === 'fail' ? '\u2715' : '\u2026' }),
    el('h2', { class: 'vg-center', text: title })];
  if (tone === 'neutral') out.push(el('p', { class: 'vg-center', text: t('result.unknown') }));
  if (state.callbackUrl && model.mode !== 'preview')
    out.push(button(t('button.continue'), function () { location.href = state.callbackUrl; }));
  return out;
}

function stepView(step) {
  var name = step.serviceName;
  if (state.retryErrorCodes && retryDismissed !== retryKey() && model.mode !== 'preview') return retryView(step);
  if (LIVENESS.indexOf(name) >= 0) return livenessView();
  if (DOCS.indexOf(name) >= 0 || name === 'veriface') return documentView();
  if (OTP.indexOf(name) >= 0) return otpView();
  if (name === 'consent') return consentView();
  if (FORMS.indexOf(name) >= 0) return formView();
  return genericView(step);
}

var renderedKey = null;
function render() {
  if (!state) { root.replaceChildren(el('div', { class: 'vg-shell' }, [el('div', { class: 'vg-spinner', role: 'status' })])); return; }
  applyLook();
  // Re-rendering the same step would restart the camera: skip when nothing the user sees changed.
  var key = JSON.stringify([state.phase, state.currentIndex, state.retryErrorCodes, retryDismissed === retryKey(), state.locale, state.ui, state.steps.length, model.mode === 'preview' ? previewStep : 0]);
  if (key === renderedKey) { announce(); return; }
  renderedKey = key;
  stopCamera();
  var body;
  var step = null;
  if (state.phase === 'not_started') body = welcomeView();
  else if (state.phase === 'ended') body = endView();
  else { step = currentStep(); body = stepView(step); }
  var card = el('main', { class: 'vg-card', 'data-phase': state.phase, 'data-service': step ? step.serviceName : null }, body);
  var shell = el('div', { class: 'vg-shell' }, [header(), card, step ? testerPanel(step) : null, footer()]);
  root.replaceChildren(shell);
  announce();
  reportHeight();
}

// ---- preview mode -----------------------------------------------------------------------------
function previewState(msg) {
  var pipeline = msg.pipeline || pipelineOverride || [{ service_name: 'consent' }, { service_name: 'verilive' }];
  pipelineOverride = pipeline;
  var index = typeof msg.stepIndex === 'number' ? msg.stepIndex : 0;
  previewStep = index;
  var phase = index < 0 ? 'not_started' : index >= pipeline.length ? 'ended' : 'in_progress';
  return { flowId: 'preview', locale: msg.locale || 'en', ui: msg.ui || {}, statusPage: true, callbackUrl: null, phase: phase,
    currentIndex: Math.max(0, Math.min(index, pipeline.length - 1)),
    steps: pipeline.map(function (p, i) { return { stepId: 'preview-' + i, serviceName: p.service_name, status: i < index ? 'pass' : i === index ? 'active' : 'pending', attemptsLeft: 5 }; }),
    flowStatus: phase === 'ended' ? 'pass' : 'unknown', endCause: phase === 'ended' ? 'completed' : null, retryErrorCodes: null, inputData: {} };
}
if (model.mode === 'preview') {
  state = previewState(model.preview || {});
  window.addEventListener('message', function (event) {
    // Only the embedding theme builder may drive the preview.
    if (event.source !== window.parent || window.parent === window) return;
    var d = event.data;
    if (!d || d.protocol !== 'verigram-kit' || d.version !== 1 || d.type !== 'preview') return;
    state = previewState(d);
    render();
  });
  render();
} else {
  render();
  act({ type: 'open' });
  // While the page is open it keeps the flow alive (the five-minute disconnect is for lost users)
  // and picks up changes made through the control route.
  setInterval(function () {
    if (state && state.phase !== 'ended' && document.visibilityState !== 'hidden') act({ type: 'ping' });
  }, model.pingMs || 4000);
}
window.addEventListener('pagehide', stopCamera);
})();`;
