import { describe, expect, it } from 'vitest';
import { redactSecrets } from './app.ts';

describe('logged request lines', () => {
  it('cut out every secret token carried in a URL', () => {
    expect(redactSecrets('/en/sign-in/link/abc123?x=1')).toBe('/en/sign-in/link/[redacted]?x=1');
    expect(redactSecrets('/fr/join/tok-en_1')).toBe('/fr/join/[redacted]');
    expect(redactSecrets('/es/registrations/s3cret/cancel')).toBe('/es/registrations/[redacted]/cancel');
    for (const kind of ['confirm', 'preferences', 'unsubscribe']) {
      expect(redactSecrets(`/ko/newsletter/${kind}/Zm9v`)).toBe(`/ko/newsletter/${kind}/[redacted]`);
    }
  });

  it('leave other paths alone', () => {
    expect(redactSecrets('/en/newsletter/subscribe?email=a%40b.org')).toBe('/en/newsletter/subscribe?email=a%40b.org');
    expect(redactSecrets('/en/members/city-of-seoul')).toBe('/en/members/city-of-seoul');
  });
});
