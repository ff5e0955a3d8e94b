import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { managerHash, parseManagerHash, type ManagerRoute } from '../../../lib/manager-route';

describe('manager addresses', () => {
  it('reads each view, a case, a place and the welcome', () => {
    expect(parseManagerHash('')).toEqual({ view: 'cases' });
    expect(parseManagerHash('#cases')).toEqual({ view: 'cases' });
    expect(parseManagerHash('#settings')).toEqual({ view: 'settings' });
    expect(parseManagerHash('#help')).toEqual({ view: 'help' });
    expect(parseManagerHash('#welcome')).toEqual({ view: 'cases', welcome: true });
    expect(parseManagerHash('#case/0b7c1f2e-6d8a-4c1e-9a55-3f2d1c0b9a87')).toEqual({ view: 'cases', caseId: '0b7c1f2e-6d8a-4c1e-9a55-3f2d1c0b9a87' });
    expect(parseManagerHash('#settings/max-screens')).toEqual({ view: 'settings', place: 'max-screens' });
    expect(parseManagerHash('help/verify')).toEqual({ view: 'help', place: 'verify' });
  });

  it('opens the cases for anything it does not know, and ignores places that are not plain ids', () => {
    expect(parseManagerHash('#nonsense')).toEqual({ view: 'cases' });
    expect(parseManagerHash('#case/')).toEqual({ view: 'cases' });
    expect(parseManagerHash('#case/a"b')).toEqual({ view: 'cases' });
    expect(parseManagerHash('#settings/<img src=x>')).toEqual({ view: 'settings' });
    expect(parseManagerHash('#settings/%E0%A4%A')).toEqual({ view: 'settings' });
    expect(parseManagerHash('#help/a/b')).toEqual({ view: 'help' });
  });

  it('writes addresses it reads back as the same route', () => {
    const id = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,40}$/);
    const route: fc.Arbitrary<ManagerRoute> = fc.oneof(
      fc.constant<ManagerRoute>({ view: 'cases' }),
      id.map((caseId): ManagerRoute => ({ view: 'cases', caseId })),
      fc.record({ view: fc.constantFrom('settings' as const, 'help' as const), place: fc.option(id, { nil: undefined }) }).map(
        ({ view, place }): ManagerRoute => (place ? { view, place } : { view }),
      ),
      fc.constant<ManagerRoute>({ view: 'cases', welcome: true }),
    );
    fc.assert(
      fc.property(route, (value) => {
        expect(parseManagerHash(managerHash(value))).toEqual(value);
      }),
    );
  });

  it('never throws, whatever the address says', () => {
    fc.assert(fc.property(fc.string(), (hash) => void parseManagerHash(hash)));
  });
});
