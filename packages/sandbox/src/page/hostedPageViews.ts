// What the hosted page draws: DOM helpers, the header, footer and tester panel, and one view per
// kind of step (camera, document, code, consent, form, automatic check) plus the welcome, retry and
// end views. The page's script (hostedPage.client.ts) owns the state and the transport and asks
// these views for the shell of the state it shows.

import type { FlowConfigUi, Locale, ServiceName } from '@verigram-kit/core';
import { DOCUMENT_SERVICES, FORM_SERVICES, LIVENESS_SERVICES, OTP_SERVICES } from '../engine/serviceKinds.ts';
import type { HostedPageData, PageAction, PageState, StepState } from './hostedPage.client.ts';

type Attrs = Record<string, string | boolean | null | undefined | ((event: Event) => void)>;
type Child = Node | string | null;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs?: Attrs | null,
  children?: Child[],
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'text') node.textContent = String(v);
    else if (typeof v === 'function') node.addEventListener(k.slice(2), v);
    else if (v === true) node.setAttribute(k, '');
    else node.setAttribute(k, v);
  }
  for (const c of children ?? [])
    if (c) node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
  return node;
}

function svg(markup: string, cls?: string): Element {
  const holder = document.createElement('div');
  holder.innerHTML = `<svg xmlns="http://www.w3.org/2000/svg" class="${cls ?? ''}" ${markup}</svg>`;
  return holder.firstChild as Element;
}

const LOGO =
  'viewBox="0 0 150 32" role="img" aria-label="Verigram"><circle cx="16" cy="16" r="14" fill="currentColor"/><path d="M9 15.5l5 5 9-10" stroke="#fff" stroke-width="3.2" fill="none" stroke-linecap="round" stroke-linejoin="round"/><text x="38" y="22.5" font-family="system-ui,sans-serif" font-size="19" font-weight="700">verigram</text>';
const LOCK =
  'viewBox="0 0 12 12" aria-hidden="true"><rect x="2" y="5" width="8" height="6" rx="1.2" fill="currentColor"/><path d="M4 5V3.6a2 2 0 0 1 4 0V5" stroke="currentColor" fill="none" stroke-width="1.3"/>';
const FACE =
  'viewBox="0 0 220 280" aria-hidden="true"><ellipse cx="110" cy="128" rx="58" ry="74" fill="none" stroke="rgba(255,255,255,.55)" stroke-width="3" stroke-dasharray="8 8"/><path d="M46 280c6-48 32-70 64-70s58 22 64 70" fill="rgba(255,255,255,.12)"/>';
const GUIDE =
  'viewBox="0 0 220 280" aria-hidden="true"><ellipse cx="110" cy="128" rx="62" ry="80" fill="none" stroke="rgba(255,255,255,.7)" stroke-width="2.5" stroke-dasharray="6 7"/>';
const CARD =
  'viewBox="0 0 172 108" aria-hidden="true"><rect width="172" height="108" rx="9" fill="#eef2f7" stroke="#c9d3e0"/><rect width="172" height="22" rx="9" fill="currentColor"/><rect y="12" width="172" height="10" fill="currentColor"/><rect x="12" y="32" width="44" height="56" rx="5" fill="#d5dee9"/><circle cx="34" cy="54" r="11" fill="#b7c4d4"/><path d="M16 86c2-12 9-17 18-17s16 5 18 17" fill="#b7c4d4"/><rect x="66" y="36" width="90" height="7" rx="3" fill="#b7c4d4"/><rect x="66" y="51" width="66" height="7" rx="3" fill="#b7c4d4"/><rect x="66" y="66" width="80" height="7" rx="3" fill="#b7c4d4"/><rect x="12" y="96" width="148" height="4" rx="2" fill="#d5dee9"/>';

const FIELD_LABELS: Record<string, Record<'full_name' | 'iin' | 'phone_number', string>> = {
  en: { full_name: 'Full name', iin: 'IIN', phone_number: 'Phone number' },
  ru: { full_name: 'ФИО', iin: 'ИИН', phone_number: 'Номер телефона' },
  kk: { full_name: 'Аты-жөні', iin: 'ЖСН', phone_number: 'Телефон нөмірі' },
};

// The tester panel is the sandbox's own control, not the brand's page: never in `translation`, but
// in the page's language, so a ru or kk preview reads as one language throughout.
const TESTER_TEXTS: Record<
  string,
  Record<'label' | 'head' | 'pass' | 'review' | 'fail' | 'errorCode' | 'lastError', string>
> = {
  en: {
    label: 'Sandbox controls',
    head: 'Outcome of this step',
    pass: 'Pass',
    review: 'Review',
    fail: 'Fail',
    errorCode: 'Liveness error code',
    lastError: 'Last attempt failed with',
  },
  ru: {
    label: 'Управление песочницей',
    head: 'Исход этого шага',
    pass: 'Успех',
    review: 'На проверку',
    fail: 'Отказ',
    errorCode: 'Код ошибки liveness',
    lastError: 'Последняя попытка: код',
  },
  kk: {
    label: 'Құмсалғышты басқару',
    head: 'Осы қадамның нәтижесі',
    pass: 'Сәтті',
    review: 'Тексеруге',
    fail: 'Сәтсіз',
    errorCode: 'Liveness қате коды',
    lastError: 'Соңғы әрекет коды',
  },
};

/** What the views need from the page's script. */
export interface PageContext {
  model: HostedPageData;
  /** The state being shown (views are only drawn while there is one). */
  shown(): PageState;
  ui(): Partial<FlowConfigUi>;
  locale(): Locale;
  t(key: string, vars?: Record<string, string | number>): string;
  serviceLabel(name: ServiceName): string;
  act(action: PageAction): Promise<void>;
  post(type: string, extra?: Record<string, unknown>): void;
  render(): void;
}

export function createViews(page: PageContext) {
  const { model, shown, ui, locale, t, serviceLabel, act, post, render } = page;
  let retryDismissed: string | null = null;
  let stream: MediaStream | null = null;

  function header(): HTMLElement {
    const u = ui();
    const logo =
      u.logo_url && u.logo_url !== model.defaultLogoUrl
        ? el('img', { class: 'vg-logo', src: u.logo_url, alt: 'Logo' })
        : svg(LOGO, 'vg-logo-svg');
    const parts: Child[] = [logo, el('h1', { class: 'vg-title', text: t('header.title') })];
    const s = shown();
    if (s.phase === 'in_progress') {
      const total = s.steps.length;
      const current = s.currentIndex + 1;
      const bar = el('span');
      bar.style.width = `${Math.round((current / total) * 100)}%`;
      parts.push(
        el('div', { class: 'vg-progress' }, [
          el('div', {
            class: 'vg-progress-label',
            id: 'vg-progress-label',
            text: t('header.step_counter', { current, total }),
          }),
          el(
            'div',
            {
              class: 'vg-bar',
              role: 'progressbar',
              // Named by the step counter above it (WCAG 4.1.2: a progressbar needs a name).
              'aria-labelledby': 'vg-progress-label',
              'aria-valuemin': '0',
              'aria-valuemax': String(total),
              'aria-valuenow': String(current),
            },
            [bar],
          ),
        ]),
      );
    }
    return el('header', { class: 'vg-header' }, parts);
  }

  function footer(): HTMLElement {
    return el('footer', { class: 'vg-footer' }, [svg(LOCK), el('span', { text: t('footer.secured') })]);
  }

  function button(label: string, onclick: () => unknown, cls?: string, extra?: Attrs): HTMLButtonElement {
    return el('button', { class: `vg-btn ${cls ?? ''}`, type: 'button', onclick, ...extra }, [label]);
  }

  const currentStep = (): StepState | undefined => shown().steps[shown().currentIndex];

  function retryKey(): string {
    const s = currentStep();
    return s ? `${s.stepId}:${s.attemptsLeft}` : '';
  }

  function pass(): Promise<void> {
    stopCamera();
    return act({ type: 'outcome', outcome: 'pass' });
  }

  // One compact strip under the page, apart from it (dashed, labelled SANDBOX), so the brand's
  // page above it reads as Verigram's would.
  function testerPanel(step: StepState): HTMLElement {
    const texts = TESTER_TEXTS[locale()] ?? (TESTER_TEXTS.en as (typeof TESTER_TEXTS)['en']);
    let select: HTMLSelectElement | null = null;
    if (LIVENESS_SERVICES.includes(step.serviceName)) {
      select = el(
        'select',
        { class: 'vg-select', 'aria-label': texts.errorCode, 'data-testid': 'tester-error' },
        model.livenessErrors.map((c) => el('option', { value: c, text: c })),
      );
      select.value = 'model_prediction';
    }
    const chosen = select;
    return el('aside', { class: 'vg-tester', 'aria-label': texts.label }, [
      el('div', { class: 'vg-tester-head' }, [el('span', { class: 'vg-pill', text: 'SANDBOX' }), texts.head]),
      // The failed attempt's raw error codes are for the tester, not the person: here, not in the card.
      shown().retryErrorCodes?.length
        ? el('p', {
            class: 'vg-tester-note',
            'data-testid': 'tester-last-error',
            text: `${texts.lastError}: ${(shown().retryErrorCodes ?? []).join(', ')}`,
          })
        : null,
      el('div', { class: 'vg-tester-row' }, [
        button(texts.pass, pass, '', { 'data-testid': 'tester-pass' }),
        button(
          texts.review,
          () => {
            stopCamera();
            act({ type: 'outcome', outcome: 'unknown' });
          },
          'vg-btn-secondary',
          { 'data-testid': 'tester-review' },
        ),
        chosen,
        button(
          texts.fail,
          () => {
            stopCamera();
            act({ type: 'outcome', outcome: 'fail', errorCodes: chosen ? [chosen.value] : [] });
          },
          'vg-btn-danger',
          { 'data-testid': 'tester-fail' },
        ),
        button(
          t('button.cancel'),
          () => {
            stopCamera();
            act({ type: 'abandon' });
          },
          'vg-btn-secondary',
          { 'data-testid': 'tester-abandon' },
        ),
      ]),
    ]);
  }

  function welcomeView(): Child[] {
    return [
      el('h2', { text: t('welcome.title') }),
      // The ID is asked for only when a step reads a document: a selfie-only flow needs none.
      el('p', {
        text: shown().steps.some((s) => DOCUMENT_SERVICES.includes(s.serviceName))
          ? `${t('welcome.body')} ${t('welcome.document_hint')}`
          : t('welcome.body'),
      }),
      el(
        'ol',
        { class: 'vg-steps' },
        shown().steps.map((s, i) =>
          el('li', null, [el('span', { class: 'vg-num', text: String(i + 1) }), serviceLabel(s.serviceName)]),
        ),
      ),
      button(t('button.start'), () => act({ type: 'start' }), '', { 'data-testid': 'start' }),
    ];
  }

  function livenessView(): Child[] {
    const oval = el('div', { class: 'vg-oval', 'data-state': 'waiting' });
    const status = el('p', { class: 'vg-status', role: 'status', text: t('liveness.camera_request') });
    const cont = button(t('button.continue'), pass, '', { disabled: true });
    if (model.mode === 'preview') {
      oval.appendChild(svg(FACE));
      status.textContent = t('liveness.hint');
      cont.disabled = false;
    } else startCamera(oval, status, cont);
    return [el('h2', { class: 'vg-center', text: t('liveness.title') }), oval, status, cont];
  }

  function startCamera(oval: HTMLElement, status: HTMLElement, cont: HTMLButtonElement): void {
    const md = navigator.mediaDevices as MediaDevices | undefined;
    const fail = (err: { name?: string; message?: string } | null) => {
      oval.setAttribute('data-state', 'error');
      oval.appendChild(svg(FACE));
      status.setAttribute('data-tone', 'error');
      status.textContent = `${t('liveness.camera_error')} (${err?.name || 'Error'})`;
      post('camera_error', { name: String(err?.name || 'Error'), message: String(err?.message || '') });
    };
    if (!md?.getUserMedia) {
      fail({
        name: 'NotSupportedError',
        message: 'navigator.mediaDevices is unavailable (insecure context?)',
      });
      return;
    }
    md.getUserMedia({ video: true }).then((s) => {
      stream = s;
      const video = el('video', {
        autoplay: true,
        muted: true,
        playsinline: true,
        'aria-label': t('liveness.title'),
      });
      video.muted = true;
      video.srcObject = s;
      oval.appendChild(video);
      oval.appendChild(svg(GUIDE));
      oval.setAttribute('data-state', 'live');
      status.textContent = t('liveness.hint');
      cont.disabled = false;
      video.play().catch(() => {});
    }, fail);
  }

  function stopCamera(): void {
    if (stream) {
      for (const track of stream.getTracks()) track.stop();
      stream = null;
    }
  }

  function documentView(): Child[] {
    return [
      el('h2', { text: t('document.title') }),
      el('p', { text: t('document.hint') }),
      el('div', { class: 'vg-doc' }, [svg(CARD)]),
      button(t('button.continue'), pass),
    ];
  }

  function otpView(): Child[] {
    const go = button(t('button.continue'), pass, '', { disabled: true });
    const input = el('input', {
      class: 'vg-input vg-otp',
      inputmode: 'numeric',
      autocomplete: 'one-time-code',
      maxlength: '6',
      'aria-label': t('otp.title'),
      oninput: () => {
        input.value = input.value.replace(/\D/g, '').slice(0, 6);
        go.disabled = input.value.length !== 6;
      },
    });
    return [
      el('h2', { text: t('otp.title') }),
      el('p', { text: t('otp.hint') }),
      el('div', { class: 'vg-field' }, [input]),
      go,
    ];
  }

  function consentView(): Child[] {
    const go = button(t('button.continue'), pass, '', { disabled: true });
    const box = el('input', {
      type: 'checkbox',
      onchange: () => {
        go.disabled = !box.checked;
      },
    });
    return [
      el('h2', { text: t('consent.title') }),
      el('label', { class: 'vg-check' }, [box, el('span', { text: t('consent.body') })]),
      go,
    ];
  }

  function formView(): Child[] {
    const labels = FIELD_LABELS[locale()] ?? (FIELD_LABELS.en as Record<string, string>);
    const data = (shown().inputData ?? {}) as Record<string, string | undefined>;
    const fields = (['full_name', 'iin', 'phone_number'] as const).map((name) => {
      const id = `vg-f-${name}`;
      return el('div', { class: 'vg-field' }, [
        el('label', { for: id, text: labels[name] }),
        el('input', {
          class: 'vg-input',
          id,
          name,
          value: data[name] || '',
          autocomplete: name === 'full_name' ? 'name' : name === 'phone_number' ? 'tel' : 'off',
        }),
      ]);
    });
    return [el('h2', { text: t('form.title') }), ...fields, button(t('button.continue'), pass)];
  }

  function genericView(step: StepState): Child[] {
    const spinner = el('div', { class: 'vg-spinner', role: 'status', 'aria-label': t('generic.hint') });
    const go = button(t('button.continue'), pass, '', { disabled: true });
    // Automatic checks "run" for a moment, then let the user continue (the tester may decide otherwise).
    setTimeout(
      () => {
        if (!spinner.isConnected) return;
        spinner.replaceWith(el('div', { class: 'vg-done', 'aria-hidden': 'true', text: '\u2713' }));
        go.disabled = false;
      },
      model.mode === 'preview' ? 0 : 1200,
    );
    return [
      el('h2', { class: 'vg-center', text: t('generic.title', { service: serviceLabel(step.serviceName) }) }),
      el('p', { class: 'vg-center', text: t('generic.hint') }),
      spinner,
      go,
    ];
  }

  function retryView(step: StepState): Child[] {
    return [
      el('h2', { text: t('result.fail.title') }),
      // Words for the person; the raw error codes are in the sandbox panel below.
      el('p', {
        class: 'vg-alert',
        role: 'alert',
        text: t('result.attempts_left', { count: step.attemptsLeft }),
      }),
      button(
        t('button.retry'),
        () => {
          retryDismissed = retryKey();
          render();
        },
        '',
        { 'data-testid': 'retry' },
      ),
    ];
  }

  function endView(): Child[] {
    const s = shown();
    const expired = s.endCause === 'timeout' || (s.endCause === 'disconnected' && !s.abandoned);
    const callbackUrl = s.callbackUrl;
    const redirect = callbackUrl && !s.statusPage && model.mode !== 'preview';
    if (redirect && !expired) {
      setTimeout(() => {
        location.href = callbackUrl;
      }, 400);
      return [
        el('div', { class: 'vg-spinner', role: 'status' }),
        el('h2', { class: 'vg-center', text: t('result.redirecting') }),
      ];
    }
    const tone = s.flowStatus === 'pass' ? 'pass' : s.flowStatus === 'fail' ? 'fail' : 'neutral';
    const title = expired
      ? t('result.expired')
      : tone === 'pass'
        ? t('result.pass.title')
        : tone === 'fail'
          ? t('result.fail.title')
          : t('header.title');
    const out: Child[] = [
      el('div', {
        class: 'vg-result-icon',
        'data-tone': tone,
        'aria-hidden': 'true',
        text: tone === 'pass' ? '\u2713' : tone === 'fail' ? '\u2715' : '\u2026',
      }),
      el('h2', { class: 'vg-center', text: title }),
    ];
    if (tone === 'neutral') out.push(el('p', { class: 'vg-center', text: t('result.unknown') }));
    if (callbackUrl && model.mode !== 'preview')
      out.push(
        button(t('button.continue'), () => {
          location.href = callbackUrl;
        }),
      );
    return out;
  }

  function stepView(step: StepState): Child[] {
    const name = step.serviceName;
    if (shown().retryErrorCodes && retryDismissed !== retryKey() && model.mode !== 'preview')
      return retryView(step);
    if (LIVENESS_SERVICES.includes(name)) return livenessView();
    if (DOCUMENT_SERVICES.includes(name)) return documentView();
    if (OTP_SERVICES.includes(name)) return otpView();
    if (name === 'consent') return consentView();
    if (FORM_SERVICES.includes(name)) return formView();
    return genericView(step);
  }

  return {
    stopCamera,
    /** Whether the person dismissed the current step's retry notice (it changes what is shown). */
    retryDismissed: () => retryDismissed === retryKey(),
    /** The whole page for the shown state: header, the phase's card, footer, then the tester strip. */
    shell(): HTMLElement {
      const state = shown();
      let body: Child[];
      let step: StepState | null = null;
      if (state.phase === 'not_started') body = welcomeView();
      else if (state.phase === 'ended') body = endView();
      else {
        step = currentStep() as StepState;
        body = stepView(step);
      }
      const card = el(
        'main',
        { class: 'vg-card', 'data-phase': state.phase, 'data-service': step ? step.serviceName : null },
        body,
      );
      // The builder's preview shows what the person sees: no tester strip there.
      const tester = step && model.mode !== 'preview' ? testerPanel(step) : null;
      return el('div', { class: 'vg-shell' }, [header(), card, footer(), tester]);
    },
  };
}
