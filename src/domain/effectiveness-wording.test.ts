import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  differenceStatement,
  differenceVerdict,
  excludesZero,
  intervalText,
  points,
} from './effectiveness-wording.js';

describe('excludesZero', () => {
  it('is true only when the interval lies wholly on one side of zero', () => {
    assert.equal(excludesZero({ low: 0.2, high: 1 }), true);
    assert.equal(excludesZero({ low: -2, high: -0.1 }), true);
    assert.equal(excludesZero({ low: -0.5, high: 1 }), false);
    assert.equal(excludesZero({ low: 0, high: 1 }), false);
    assert.equal(excludesZero({ low: 0, high: 0 }), false);
  });
});

describe('effectiveness wording', () => {
  it('writes points to one decimal with a true minus sign', () => {
    assert.equal(points(2.345), '2.3');
    assert.equal(points(-0.44), '−0.4');
    assert.equal(points(-0.04), '0.0');
    assert.equal(intervalText({ low: -1.26, high: 3 }), '95% CI −1.3 to 3.0');
  });

  it('says "associated with" for a clear difference, in either direction', () => {
    const interval = { low: 0.6, high: 2.4 };
    assert.equal(
      differenceStatement(differenceVerdict(interval, 1.5), 1.5, interval, 'client'),
      'Associated with 1.5 more points of relief than this client’s sessions without it (95% CI 0.6 to 2.4).',
    );
    const worse = { low: -2.4, high: -0.6 };
    assert.equal(
      differenceStatement(differenceVerdict(worse, -1.5), -1.5, worse, 'clients'),
      'Associated with 1.5 fewer points of relief than the same clients’ sessions without it (95% CI −2.4 to −0.6).',
    );
  });

  it('calls a difference whose interval crosses zero no clear difference', () => {
    const interval = { low: -0.7, high: 2.9 };
    assert.equal(differenceVerdict(interval, 1.1), 'no_clear_difference');
    assert.equal(
      differenceStatement('no_clear_difference', 1.1, interval, 'client'),
      'No clear difference in relief from this client’s sessions without it (95% CI −0.7 to 2.9).',
    );
  });
});
