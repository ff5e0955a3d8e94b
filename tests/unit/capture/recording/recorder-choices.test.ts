import { describe, expect, it } from 'vitest';
import { pickMimeType } from '../../../../lib/capture/recording/chunk-recorder';
import { frameIntervalMs } from '../../../../lib/capture/recording/tab-frames';
import { bandScale } from '../../../../lib/capture/recording/banded-canvas';

describe('recorder choices', () => {
  it('records WebM: VP9 with Opus where the browser has it, else VP8, else any WebM; picture only without sound', () => {
    const chrome = (type: string) => /vp9|vp8|^video\/webm$/.test(type);
    expect(pickMimeType(true, chrome)).toBe('video/webm;codecs=vp9,opus');
    expect(pickMimeType(false, chrome)).toBe('video/webm;codecs=vp9');
    const firefox = (type: string) => !type.includes('vp9');
    expect(pickMimeType(false, firefox)).toBe('video/webm;codecs=vp8');
    expect(pickMimeType(true, (type) => type === 'video/webm')).toBe('video/webm');
  });

  it('says so when the browser records no WebM at all', () => {
    expect(() => pickMimeType(true, () => false)).toThrow('This browser cannot record WebM video');
  });

  it('Firefox frames: an interval with a quarter of margin over a frame grab, in steps of 10 ms, between 1 and 10 per second', () => {
    expect(frameIntervalMs(20)).toBe(100);
    expect(frameIntervalMs(88)).toBe(110);
    expect(frameIntervalMs(200)).toBe(250);
    expect(frameIntervalMs(5000)).toBe(1000);
  });

  it('the band is sized as on a 1280-px screenshot, never smaller', () => {
    expect(bandScale(640)).toBe(1);
    expect(bandScale(2560)).toBe(2);
  });
});
