import { describe, expect, it, vi } from 'vitest';
import { createLocaleLoader } from '../createLocaleLoader.ts';

describe('createLocaleLoader', () => {
  it('given English, then the texts are there at once and no chunk is fetched', async () => {
    const importTexts = vi.fn(async () => 'ru texts');
    const loader = createLocaleLoader('en texts', importTexts);
    expect(loader.peek('en')).toBe('en texts');
    expect(await loader.load('en')).toBe('en texts');
    expect(importTexts).not.toHaveBeenCalled();
  });

  it('given Russian, then nothing until its chunk lands, then the texts, and every subscriber hears it', async () => {
    const loader = createLocaleLoader('en texts', async (locale) => `${locale} texts`);
    const onLoad = vi.fn();
    const unsubscribe = loader.subscribe(onLoad);
    expect(loader.peek('ru')).toBeUndefined();
    expect(await loader.load('ru')).toBe('ru texts');
    expect(loader.peek('ru')).toBe('ru texts');
    expect(loader.peek('kk')).toBeUndefined();
    expect(onLoad).toHaveBeenCalledTimes(1);
    unsubscribe();
    await loader.load('kk');
    expect(onLoad).toHaveBeenCalledTimes(1);
  });

  it('given a chunk that cannot load, then English, so no skeleton stays forever', async () => {
    const loader = createLocaleLoader('en texts', () => Promise.reject(new Error('chunk gone')));
    expect(await loader.load('kk')).toBe('en texts');
    expect(loader.peek('kk')).toBe('en texts');
  });
});
