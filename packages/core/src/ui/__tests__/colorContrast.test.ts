import { describe, expect, it } from 'vitest';
import {
  contrastRatio,
  formatContrastRatio,
  normalizeHexColor,
  parseHexColor,
  pickOnColor,
  relativeLuminance,
} from '../colorContrast.ts';

describe('WCAG 2.x contrast maths', () => {
  // Reference values from the WCAG definition and WebAIM's contrast checker.
  it.each([
    ['#000000', '#ffffff', 21],
    ['#ffffff', '#ffffff', 1],
    ['#777777', '#ffffff', 4.478],
    ['#767676', '#ffffff', 4.542],
    ['#ff0000', '#ffffff', 3.998],
    ['#0000ff', '#ffffff', 8.592],
    ['#808080', '#ffffff', 3.949],
    ['#00ff00', '#000000', 15.304],
  ])('contrast of %s and %s is %f', (a, b, expected) => {
    expect(contrastRatio(a, b)).toBeCloseTo(expected, 2);
    expect(contrastRatio(b, a)).toBeCloseTo(expected, 2);
  });

  it('computes relative luminance per channel weights', () => {
    expect(relativeLuminance('#000')).toBe(0);
    expect(relativeLuminance('#fff')).toBeCloseTo(1, 10);
    expect(relativeLuminance('#ff0000')).toBeCloseTo(0.2126, 4);
    expect(relativeLuminance('#00ff00')).toBeCloseTo(0.7152, 4);
    expect(relativeLuminance('#0000ff')).toBeCloseTo(0.0722, 4);
  });

  it('prints ratios rounded down, so a failing 4.499 never reads as 4.5', () => {
    expect(formatContrastRatio(4.4999)).toBe('4.49:1');
    expect(formatContrastRatio(21)).toBe('21.00:1');
  });

  it('throws a clear error for a non-hex colour', () => {
    expect(() => relativeLuminance('red')).toThrow('Not a hex colour: "red" (expected #rgb or #rrggbb)');
  });
});

describe('hex colours', () => {
  it.each([
    ['#ABC', '#aabbcc'],
    ['#1F5EFF', '#1f5eff'],
    [' #000000 ', '#000000'],
    ['#12', null],
    ['1f5eff', null],
    ['#1f5eff80', null],
    ['rgb(0,0,0)', null],
  ])('normalizes %j to %j', (input, expected) => {
    expect(normalizeHexColor(input)).toBe(expected);
  });

  it('parses channels', () => {
    expect(parseHexColor('#1f5eff')).toEqual({ r: 31, g: 94, b: 255 });
  });
});

describe('pickOnColor', () => {
  it.each([
    ['#1f5eff', '#ffffff'], // white reaches 5.11:1
    ['#000000', '#ffffff'],
    ['#ffd400', '#000000'], // yellow: black text
    ['#7fb3ff', '#000000'],
    ['#00a19a', '#000000'], // white only reaches 3.2:1
  ])('on %s picks %s', (background, expected) => {
    expect(pickOnColor(background)).toBe(expected);
  });

  it('always reaches AA, whatever the background', () => {
    for (let v = 0; v < 256; v += 5) {
      for (const color of [`rgb`, 'r', 'g', 'b']) {
        const hex = (n: number) => n.toString(16).padStart(2, '0');
        const bg =
          color === 'rgb'
            ? `#${hex(v)}${hex(v)}${hex(v)}`
            : color === 'r'
              ? `#${hex(v)}8080`
              : color === 'g'
                ? `#80${hex(v)}80`
                : `#8080${hex(v)}`;
        expect(contrastRatio(bg, pickOnColor(bg))).toBeGreaterThanOrEqual(4.5);
      }
    }
  });
});
