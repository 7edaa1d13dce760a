import { describe, expect, it } from '@jest/globals';
import { SubscriptionIndex } from './subscription-index.js';
import { matchesEventType } from './subscription-matcher.js';

const subscriptions = [
  { id: 'sub_a', eventTypes: ['ticket.created'] },
  { id: 'sub_b', eventTypes: ['ticket.*'] },
  { id: 'sub_c', eventTypes: ['*'] },
  { id: 'sub_d', eventTypes: ['ticket.reply.*', 'order.paid'] },
  { id: 'sub_e', eventTypes: ['ticket.created', 'ticket.*'] },
  { id: 'sub_f', eventTypes: ['alertmanager.firing', 'feishu_project.WorkitemCreateEvent'] },
  { id: 'sub_g', eventTypes: ['a/b:c-d.*'] },
];
const index = new SubscriptionIndex(subscriptions);
const ids = (eventType: string) => index.match(eventType).map((subscription) => subscription.id);

describe('SubscriptionIndex', () => {
  it.each([
    ['ticket.created', ['sub_a', 'sub_b', 'sub_c', 'sub_e']],
    ['ticket.reply.added', ['sub_b', 'sub_c', 'sub_d', 'sub_e']],
    ['ticket.reply', ['sub_b', 'sub_c', 'sub_e']],
    ['ticket', ['sub_c']],
    ['tickets.created', ['sub_c']],
    ['order.paid', ['sub_c', 'sub_d']],
    ['order.paid.late', ['sub_c']],
    ['alertmanager.firing', ['sub_c', 'sub_f']],
    ['feishu_project.WorkitemCreateEvent', ['sub_c', 'sub_f']],
    ['a/b:c-d.x', ['sub_c', 'sub_g']],
    ['ticket.', ['sub_b', 'sub_c', 'sub_e']],
    ['', ['sub_c']],
  ])('%s matches %j, each once, by id', (eventType, expected) => {
    expect(ids(eventType)).toEqual(expected);
  });

  it.each([
    ['no subscriptions', [], 'ticket.created', []],
    ['only exact types', [{ id: 's1', eventTypes: ['x.y'] }], 'x.y.z', []],
    ['a prefix is not its own type', [{ id: 's1', eventTypes: ['x.*'] }], 'x', []],
    ['a deep prefix', [{ id: 's1', eventTypes: ['x.y.z.*'] }], 'x.y.z.w.v', ['s1']],
  ])('%s', (_, entries, eventType, expected) => {
    expect(new SubscriptionIndex(entries).match(eventType).map((subscription) => subscription.id)).toEqual(expected);
  });

  it('answers as matchesEventType does for every pattern and type of a table', () => {
    const patterns = ['*', 'a', 'a.*', 'a.b', 'a.b.*', 'b.*', 'a.b.c', 'ab.*', 'a-b.*'];
    const types = ['a', 'a.b', 'a.b.c', 'a.bc', 'ab.c', 'b', 'b.a', 'a-b.c', 'a.', 'a..b', 'x.a.b'];
    const many = patterns.flatMap((first, i) => patterns.map((second, j) => ({ id: `s${i}_${j}`, eventTypes: [first, second] })));
    const manyIndex = new SubscriptionIndex(many);
    for (const type of types) {
      const expected = many
        .filter((subscription) => matchesEventType(subscription.eventTypes, type))
        .map((subscription) => subscription.id);
      expect({ type, ids: manyIndex.match(type).map((subscription) => subscription.id) }).toEqual({ type, ids: expected.sort() });
    }
  });
});
