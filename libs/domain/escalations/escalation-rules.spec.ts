import { describe, expect, it } from '@jest/globals';
import { reasonForCategories } from './escalation-enums.js';
import { breaches } from './escalation-rules.service.js';

describe('breaches', () => {
  it('an absolute count fires at the count, not below', () => {
    expect(breaches({ minCount: 3, risePercent: null }, 2, 0)).toBe(false);
    expect(breaches({ minCount: 3, risePercent: null }, 3, 0)).toBe(true);
  });
  it('a rise fires at exactly the percentage, not below, and never against an empty window', () => {
    const r = { minCount: null, risePercent: 50 };
    expect(breaches(r, 149, 100)).toBe(false);
    expect(breaches(r, 150, 100)).toBe(true);
    expect(breaches(r, 3, 2)).toBe(true);
    expect(breaches(r, 1000, 0)).toBe(false);
  });
});

describe('reasonForCategories', () => {
  it('names the one reason the categories point to, else other', () => {
    expect(reasonForCategories(['syringe_finds'])).toBe('many_syringe_finds');
    expect(reasonForCategories(['complaint', 'complaint'])).toBe('residents_complaints');
    expect(reasonForCategories(['syringe_finds', 'complaint'])).toBe('other');
    expect(reasonForCategories(['dealing'])).toBe('other');
  });
});
