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

test('a date with no timeline event is shown with the sentence that holds it', async () => {
  const { timelineEvents } = await import('../../www/widget/exports.js');
  const sentences = [{ start: 0, end: 10, text: 'Lundi, ici.' }, { start: 11, end: 30, text: 'Le 3 mai, là-bas.' }, { start: 31, end: 40, text: 'Fin.' }];
  const times = [
    { id: 't1', start: 14, end: 19, text: '3 mai', type: 'DATE', value: '2024-05-03' },
    { id: 't2', start: 0, end: 5, text: 'Lundi', type: 'DATE', value: '2024-04-29' },
    { id: 't3', start: 9, end: 14, text: 'x', type: 'DATE', value: '2024-06-01' }, // across two sentences
    { id: 't4', start: 45, end: 50, text: 'après', type: 'DATE', value: '2024-07-01' }, // after every sentence
  ];
  const a = normalise({ sentences, times, timeline: [] });
  assert.deepEqual(timelineEvents(a).map((e) => [e.value, e.text]), [
    ['2024-04-29', 'Lundi, ici.'], ['2024-05-03', 'Le 3 mai, là-bas.'], ['2024-06-01', 'x'], ['2024-07-01', 'après']]);
});
