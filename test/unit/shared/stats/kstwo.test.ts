import { describe, expect, it } from 'vitest';
import { kstwoCdf, kstwoSf } from '../../../../shared/stats/kstwo';
import { kolmognDurbinCdf } from '../../../../shared/stats/kstwo-durbin';
import { kolmognPelzGoodCdf } from '../../../../shared/stats/kstwo-pelz-good';
import { kolmognPomeranzCdf } from '../../../../shared/stats/kstwo-pomeranz';
import { loadFixture, relClose } from './fixture-data';

const fx = loadFixture<{ kstwo_sf: [number, number, number][] }>('distributions.json');

describe('kstwoSf (scipy.stats.kstwo.sf port)', () => {
  it('matches SciPy on a grid of n in 1..200000 and d in (0, 1), including algorithm switch-overs', () => {
    let worstAbs = 0;
    for (const [n, d, sf] of fx.kstwo_sf) {
      // oracle: scipy.stats.kstwo.sf(d, n), scipy 1.10.1
      const got = kstwoSf(d, n);
      worstAbs = Math.max(worstAbs, Math.abs(got - sf));
      expect(
        relClose(got, sf, 1e-9) || Math.abs(got - sf) < 1e-15,
        `kstwo.sf(${d}, ${n}) = ${got} vs ${sf}`,
      ).toBe(true);
    }
    expect(worstAbs).toBeLessThan(1e-12);
  });

  it('matches the individual algorithms of scipy/stats/_ksstats.py', () => {
    // scipy.stats._ksstats._kolmogn_DMTW(10, 0.2), scipy 1.10.1
    expect(kolmognDurbinCdf(10, 0.2)).toBeCloseTo(0.25128096000000005, 14);
    // scipy.stats._ksstats._kolmogn_Pomeranz(20, 0.3), scipy 1.10.1
    expect(kolmognPomeranzCdf(20, 0.3)).toBeCloseTo(0.9569329333414838, 14);
    // scipy.stats._ksstats._kolmogn_PelzGood(1000, 0.03), scipy 1.10.1
    expect(kolmognPelzGoodCdf(1000, 0.03)).toBeCloseTo(0.6773097856085364, 14);
    // scipy.stats.kstwo.sf(0.3, 10), scipy.stats.kstwo.cdf(0.3, 10)
    expect(kstwoSf(0.3, 10)).toBeCloseTo(0.27053557479999946, 14);
    expect(kstwoCdf(0.3, 10)).toBeCloseTo(0.7294644252000005, 14);
  });

  it('handles the support ends and rejects a bad n', () => {
    expect(kstwoSf(0, 5)).toBe(1);
    expect(kstwoSf(1, 5)).toBe(0);
    expect(kstwoSf(-1, 5)).toBe(1);
    // n = 1: D_1 is uniform on [1/2, 1]; kstwo.sf(0.75, 1) = 0.5
    expect(kstwoSf(0.75, 1)).toBeCloseTo(0.5, 15);
    expect(() => kstwoSf(0.1, 0)).toThrow(/kstwoSf/);
    expect(() => kstwoSf(0.1, 2.5)).toThrow(RangeError);
  });
});
