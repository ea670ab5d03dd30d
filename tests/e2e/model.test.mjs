// The widget's model, in node: the details of a quantity name the checks it takes part in.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalise, details } from '../../www/widget/model.js';

const t = (k) => k;

test('a quantity lists the checks it is the total or a part of, once each, in order', () => {
  const a = normalise({
    quantities: [{ id: 'n1', start: 0, end: 4, text: 'huit', value: 8 }, { id: 'n2', start: 5, end: 9, text: 'sept', value: 7 },
      { id: 'n3', start: 10, end: 12, text: 'un', value: 1 }, { id: 'n4', start: 13, end: 17, text: 'deux', value: 2 }],
    checks: [
      { kind: 'count_sum', total: 'n1', parts: ['n2', 'n3'], consistent: true, explanation: '8 = 7 + 1' },
      { kind: 'count_sum', total: 'n2', parts: ['n3', 'n3'], consistent: false, explanation: '7 ≠ 1 + 1' },
    ],
  });
  const checks = (id) => details(a, 'quantity', id, t).rows.filter(([k]) => k === 'consistent' || k === 'inconsistent');
  assert.deepEqual(checks('n1'), [['consistent', '8 = 7 + 1']]);
  assert.deepEqual(checks('n2'), [['consistent', '8 = 7 + 1'], ['inconsistent', '7 ≠ 1 + 1']]);
  assert.deepEqual(checks('n3'), [['consistent', '8 = 7 + 1'], ['inconsistent', '7 ≠ 1 + 1']]);
  assert.deepEqual(checks('n4'), []);
});
