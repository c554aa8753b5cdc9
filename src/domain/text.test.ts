import { describe, expect, it } from 'vitest';
import { cleanText, escapeHtml, excerpt, htmlText, isEmailAddress, joinDutch } from './text';

describe('text helpers', () => {
  it('escapes every character that could open markup or leave an attribute', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('keeps line breaks as <br> and drops control characters', () => {
    expect(htmlText(' een\r\ntwee\u0000 ')).toBe('een<br>twee');
    expect(cleanText('a\u0007b\tc')).toBe('ab\tc');
  });

  it('joins lists the Dutch way', () => {
    expect(joinDutch([])).toBe('');
    expect(joinDutch(['a'])).toBe('a');
    expect(joinDutch(['a', 'b'])).toBe('a en b');
    expect(joinDutch(['a', 'b', 'c'])).toBe('a, b en c');
  });

  it('shortens long text for use in a message', () => {
    expect(excerpt('kort')).toBe('kort');
    expect(excerpt('x'.repeat(60), 10)).toBe('xxxxxxxxx…');
    expect(excerpt('Zet samen met Samira alle brieven op een rij.')).toBe('Zet samen met Samira alle brieven op…');
  });

  it('recognises plausible e-mail addresses', () => {
    expect(isEmailAddress('bram.hoekstra@veldwijzer.example')).toBe(true);
    expect(isEmailAddress('bram@veldwijzer')).toBe(false);
    expect(isEmailAddress('bram hoekstra@veldwijzer.nl')).toBe(false);
    expect(isEmailAddress('<bram@veldwijzer.nl>')).toBe(false);
    expect(isEmailAddress('bram@@veldwijzer.nl')).toBe(false);
  });
});
