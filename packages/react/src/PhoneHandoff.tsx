'use client';
import type { Locale } from '@verigram-kit/core';
import qrcode from 'qrcode-generator';
import { useMemo } from 'react';

// A const enum: the build writes the bare index, so the names cost no bytes.
enum Text {
  Summary = 0,
  Hint = 1,
  QrCodeAlt = 2,
}
const STRINGS: Record<Locale, readonly [summary: string, hint: string, qrCodeAlt: string]> = {
  en: [
    'Continue on your phone',
    'Scan this code with your phone’s camera. This page updates when you finish.',
    'QR code of the verification link',
  ],
  ru: [
    'Продолжить на телефоне',
    'Отсканируйте код камерой телефона. Эта страница обновится, когда вы закончите.',
    'QR-код ссылки на проверку',
  ],
  kk: [
    'Телефонда жалғастыру',
    'Кодты телефон камерасымен сканерлеңіз. Аяқтағанда бұл бет жаңарады.',
    'Тексеру сілтемесінің QR-коды',
  ],
};

export interface PhoneHandoffProps {
  vlink: string;
  locale?: Locale | undefined;
}

/**
 * "Continue on your phone", with the QR encoder: the vlink as a QR code. The desktop keeps polling
 * the flow, so it completes when the phone finishes. Pass it to `<VerigramFlow phoneHandoff>`.
 */
export function PhoneHandoff({ vlink, locale }: PhoneHandoffProps) {
  const t = STRINGS[locale ?? 'en'] ?? STRINGS.en;
  const src = useMemo(() => {
    const qr = qrcode(0, 'M');
    qr.addData(vlink);
    qr.make();
    return qr.createDataURL(4, 4);
  }, [vlink]);
  return (
    <details data-verigram-handoff="">
      <summary>{t[Text.Summary]}</summary>
      <p>{t[Text.Hint]}</p>
      <img src={src} alt={t[Text.QrCodeAlt]} />
    </details>
  );
}
