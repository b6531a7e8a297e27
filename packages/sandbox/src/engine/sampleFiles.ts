// The files services produce, generated in code: a selfie-like face (bestframe and other face
// crops), an ID card (document images) and a one-page PDF (eGov document, signed document, doc
// builder). Which labels each service yields is listed in FILES_BY_SERVICE (and the README).
import type { FileLabel, ServiceName } from '@verigram-kit/core';
import { encodePng } from './encodePng.ts';

export interface SandboxFile {
  contentType: string;
  filename: string;
  bytes: Uint8Array;
}

type Rgb = readonly [number, number, number];

function canvas(width: number, height: number, bg: Rgb) {
  const px = new Uint8Array(width * height * 3);
  for (let i = 0; i < width * height; i++) px.set(bg, i * 3);
  const set = (x: number, y: number, c: Rgb) => {
    if (x >= 0 && y >= 0 && x < width && y < height) px.set(c, (y * width + x) * 3);
  };
  const ellipse = (cx: number, cy: number, rx: number, ry: number, c: Rgb) => {
    for (let y = Math.floor(cy - ry); y <= cy + ry; y++)
      for (let x = Math.floor(cx - rx); x <= cx + rx; x++)
        if (((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1) set(x, y, c);
  };
  const rect = (x0: number, y0: number, w: number, h: number, c: Rgb) => {
    for (let y = y0; y < y0 + h; y++) for (let x = x0; x < x0 + w; x++) set(x, y, c);
  };
  return { px, ellipse, rect, set };
}

function drawFace(width: number, height: number): Uint8Array {
  const c = canvas(width, height, [206, 219, 232]);
  const cx = width / 2;
  const s = width / 120;
  c.ellipse(cx, height * 0.95, 52 * s, 34 * s, [60, 82, 120]); // shoulders
  c.rect(
    Math.round(cx - 12 * s),
    Math.round(height * 0.62),
    Math.round(24 * s),
    Math.round(18 * s),
    [224, 180, 150],
  );
  c.ellipse(cx, height * 0.4, 36 * s, 46 * s, [70, 48, 36]); // hair
  c.ellipse(cx, height * 0.46, 31 * s, 40 * s, [236, 192, 160]); // face
  c.ellipse(cx - 12 * s, height * 0.42, 5 * s, 3 * s, [255, 255, 255]);
  c.ellipse(cx + 12 * s, height * 0.42, 5 * s, 3 * s, [255, 255, 255]);
  c.ellipse(cx - 12 * s, height * 0.42, 2.4 * s, 2.4 * s, [40, 60, 90]);
  c.ellipse(cx + 12 * s, height * 0.42, 2.4 * s, 2.4 * s, [40, 60, 90]);
  c.ellipse(cx, height * 0.5, 3 * s, 5 * s, [220, 170, 140]); // nose
  c.ellipse(cx, height * 0.59, 10 * s, 3 * s, [190, 90, 90]); // mouth
  return encodePng(width, height, c.px);
}

function drawIdCard(): Uint8Array {
  const w = 172;
  const h = 108;
  const c = canvas(w, h, [235, 240, 246]);
  c.rect(0, 0, w, 18, [0, 110, 160]);
  c.rect(10, 28, 44, 56, [206, 219, 232]);
  c.ellipse(32, 50, 12, 15, [236, 192, 160]);
  c.ellipse(32, 80, 18, 10, [60, 82, 120]);
  for (let i = 0; i < 5; i++) c.rect(64, 30 + i * 12, i % 2 ? 70 : 96, 5, [120, 130, 145]);
  c.rect(10, 94, 150, 4, [180, 190, 200]);
  return encodePng(w, h, c.px);
}

function onePagePdf(title: string): Uint8Array {
  const text = title.replace(/[()\\]/g, '');
  const stream = `BT /F1 18 Tf 72 720 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) body += `${String(off).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(body);
}

const cache = new Map<string, Uint8Array>();
function cached(key: string, make: () => Uint8Array): Uint8Array {
  let v = cache.get(key);
  if (!v) {
    v = make();
    cache.set(key, v);
  }
  return v;
}

const png = (name: string, make: () => Uint8Array) => (): SandboxFile => ({
  contentType: 'image/png',
  filename: `${name}.png`,
  bytes: cached(name, make),
});
const pdf = (name: string, title: string) => (): SandboxFile => ({
  contentType: 'application/pdf',
  filename: `${name}.pdf`,
  bytes: cached(name, () => onePagePdf(title)),
});

const FILE_MAKERS: Partial<Record<FileLabel, () => SandboxFile>> = {
  bestframe: png('bestframe', () => drawFace(120, 150)),
  face_enroll_img: png('face_enroll_img', () => drawFace(120, 150)),
  face_verif_img: png('face_verif_img', () => drawFace(120, 150)),
  doc_face_picture: png('doc_face_picture', () => drawFace(60, 75)),
  doc_original_front_img: png('doc_original_front_img', drawIdCard),
  doc_original_img: png('doc_original_img', drawIdCard),
  egov_doc_pdf: pdf('egov_doc', 'Verigram sandbox - eGov document'),
  signed_doc: pdf('signed_doc', 'Verigram sandbox - signed document'),
  esign_original_doc: pdf('esign_original_doc', 'Verigram sandbox - document to sign'),
  doc_builder_pdf: pdf('doc_builder', 'Verigram sandbox - generated document'),
};

/**
 * Labels each service yields once a session of it has been processed. Videos
 * (`liveness_video`, `liveness_alt_video`) and the other labels are not produced: a 404 answers them.
 */
export const FILES_BY_SERVICE: Partial<Record<ServiceName, readonly FileLabel[]>> = {
  verilive: ['bestframe'],
  'verilive-one-shot': ['bestframe'],
  'verilive-infrared': ['bestframe'],
  veriface: ['face_enroll_img', 'face_verif_img'],
  veridoc: ['doc_original_front_img', 'doc_face_picture'],
  redoc: ['doc_original_img', 'doc_face_picture'],
  'egov-doc': ['egov_doc_pdf'],
  esign: ['esign_original_doc', 'signed_doc'],
  'doc-builder': ['doc_builder_pdf'],
};

export function makeSampleFile(label: FileLabel): SandboxFile | undefined {
  return FILE_MAKERS[label]?.();
}
