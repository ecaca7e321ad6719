import { describe, expect, it } from 'vitest';
import { smsEncoding } from '../../../server/delivery/sms-encoding';
import { renderTemplate, templateValues } from '../../../server/delivery/templates';
import { smsKeyword } from '../../../server/domain/sms-keywords';

describe('SMS encoding', () => {
  it('counts GSM-7 septets (extension characters take two) and UCS-2 units, with concatenated segment sizes', () => {
    expect(smsEncoding('a'.repeat(160))).toEqual({ encoding: 'GSM-7', length: 160, segments: 1 });
    expect(smsEncoding('a'.repeat(161))).toEqual({ encoding: 'GSM-7', length: 161, segments: 2 });
    expect(smsEncoding('€'.repeat(80))).toEqual({ encoding: 'GSM-7', length: 160, segments: 1 });
    expect(smsEncoding('a'.repeat(306))).toMatchObject({ segments: 2 });
    expect(smsEncoding('a'.repeat(307))).toMatchObject({ segments: 3 });
    expect(smsEncoding('Café ñ ü')).toMatchObject({ encoding: 'GSM-7' });
    expect(smsEncoding('ç'.repeat(70))).toEqual({ encoding: 'UCS-2', length: 70, segments: 1 });
    expect(smsEncoding('😀'.repeat(35))).toEqual({ encoding: 'UCS-2', length: 70, segments: 1 });
    expect(smsEncoding('Joe’s')).toMatchObject({ encoding: 'UCS-2' });
    expect(smsEncoding(`${'x'.repeat(71)}ł`)).toMatchObject({ encoding: 'UCS-2', segments: 2 });
  });
});

describe('SMS keywords', () => {
  it('recognizes the opt-out, opt-in and help words in any case, and nothing else', () => {
    for (const word of ['STOP', 'stop', ' Stop. ', 'STOPALL', 'unsubscribe', 'Cancel', 'END', 'quit!']) {
      expect(smsKeyword(word), word).toBe('stop');
    }
    for (const word of ['START', 'unstop']) expect(smsKeyword(word), word).toBe('start');
    expect(smsKeyword('help')).toBe('help');
    for (const text of ['stop it please', 'yes', '', 'STOPP']) expect(smsKeyword(text), text).toBeUndefined();
  });
});

describe('templates', () => {
  it('greets a customer without a name without a stray space', () => {
    const values = templateValues({ customerName: null, businessName: 'Joe', link: 'http://x/r/1' });
    expect(renderTemplate('Hi {{firstName}}, rate {{businessName}}: {{link}}', values)).toBe(
      'Hi, rate Joe: http://x/r/1',
    );
    const named = templateValues({ customerName: '  Ann  Lee ', businessName: 'Joe', link: 'L' });
    expect(renderTemplate('{{firstName}}/{{ name }}', named)).toBe('Ann/Ann  Lee');
  });
});
