import { describe, expect, it } from 'vitest';
import { withoutRedundantForms } from './query.ts';

describe('the forms of a query unit', () => {
  it('drops phrases that a single form already implies, and repeats', () => {
    expect(withoutRedundantForms(["'care'", "'care' <-> 'economi'", "'econom' <2> 'soin'", "'soin'", "'care'"])).toEqual(["'care'", "'soin'"]);
  });

  it('drops longer phrases that contain a shorter one, Korean bigrams included', () => {
    expect(withoutRedundantForms(["'디지' <-> '지털' <-> '전환'", "'디지' <-> '지털'"])).toEqual(["'디지' <-> '지털'"]);
  });

  it('keeps forms that only look alike: another distance, a prefix, a word inside another', () => {
    const forms = ["'social' <-> 'econom'", "'social' <2> 'econom' <-> 'x'", "'econom':*", "'econom' <-> 'y'", "'economi'", "'it''s'", "'s'"];
    expect(withoutRedundantForms(forms)).toEqual(forms);
  });

  it('ignores empty forms (a stop word in one language)', () => {
    expect(withoutRedundantForms(['', "'forum'"])).toEqual(["'forum'"]);
  });
});
