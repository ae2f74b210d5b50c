/** Fixed scenarios for the practice tests (written for the tests, not taken from a dataset). */
import { ScenarioSchema, type Scenario, type ScenarioInput } from './scenario.ts';

export function makeScenario(overrides: Partial<ScenarioInput> = {}): Scenario {
  return ScenarioSchema.parse({
    id: 'test-late-order',
    brand: 'ShopHelp',
    channel: 'x',
    customer: { name: 'Sam Rivera', handle: 'sam_r' },
    text: '@ShopHelp My order was supposed to arrive on Monday and it still hasn’t shown up. Really frustrating.',
    conversation: [],
    postedMinutesAgo: 5,
    difficulty: 'easy',
    expected: { intent: 'complaint', flags: [], urgency: 'normal', firstMoves: ['apologise', 'move_to_dm'] },
    brandReply: "@sam_r We're sorry your order hasn't arrived yet. Please send us a DM with your order number and we'll look into it for you. ^AB",
    source: { dataset: 'test', conversationId: 'late-order' },
    ...overrides,
  });
}
