import { describe, expect, it } from 'vitest';
import { checkTone, questionsIn, type ToneCheckOptions, type ToneRule } from './tone-check.ts';

const complaint: ToneCheckOptions = {
  channel: 'x',
  post: { text: 'My parcel is two weeks late and nobody answers the phone. Useless.', classification: { intent: 'complaint', sentiment: 'negative' } },
};

function rules(draft: string, options: ToneCheckOptions): ToneRule[] {
  return checkTone(draft, options).map((f) => f.rule);
}

describe('checkTone: no acknowledgement of a complaint', () => {
  it('warns when a complaint gets no acknowledgement or apology', () => {
    const findings = checkTone('Please DM us your order number and we will check. ^JS', complaint);
    expect(findings.find((f) => f.rule === 'no-acknowledgement')).toMatchObject({ severity: 'warn' });
    expect(findings[0]?.message).toContain('Sorry to hear this');
  });

  it.each([
    'Sorry to hear this! Please DM us your order number. ^JS',
    'We apologise for the delay. DM us and we will check. ^JS',
    "I understand how frustrating that is. Let's fix it: DM us. ^JS",
    "That's not the experience we want for you. DM us? ^JS",
    'Thanks for letting us know. We are on it. ^JS',
  ])('is satisfied by %j', (draft) => {
    expect(rules(draft, complaint)).not.toContain('no-acknowledgement');
  });

  it('does not apply to praise or questions, or without a classification', () => {
    const praise: ToneCheckOptions = { channel: 'x', post: { text: 'Love it', classification: { intent: 'praise', sentiment: 'positive' } } };
    expect(rules('Glad you like it! ^JS', praise)).not.toContain('no-acknowledgement');
    expect(rules('Here is the link.', { channel: 'x', post: { text: 'x' } })).not.toContain('no-acknowledgement');
  });
});

describe('checkTone: blame words', () => {
  it.each([
    ['You should have read the instructions first.', 'You should have'],
    ['As we already said, the store is closed.', 'As we already said'],
    ['Calm down, we are looking.', 'Calm down'],
    ["That's not our fault, it's the courier.", 'not our fault'],
    ['Obviously you entered the wrong code.', 'Obviously you'],
    ['You failed to update the app.', 'You failed to'],
  ])('flags %j', (draft, words) => {
    const finding = checkTone(draft, { channel: 'x' }).find((f) => f.rule === 'blame-words');
    expect(finding?.evidence).toContain(words);
    expect(finding?.message).toContain(`"${words}"`);
  });

  it('leaves neutral wording alone', () => {
    expect(rules('You can reset it from Settings. We should have a fix by Friday.', { channel: 'x' })).not.toContain('blame-words');
  });
});

describe('checkTone: shouting', () => {
  it('flags words in capitals and runs of exclamation marks', () => {
    const findings = checkTone('We are VERY SORRY about this!!!', { channel: 'x' }).filter((f) => f.rule === 'shouting');
    expect(findings).toHaveLength(2);
    expect(findings[0]?.evidence).toEqual(['VERY', 'SORRY']);
    expect(findings[1]?.evidence).toEqual(['!!!']);
  });

  it('flags ?! and !? but not a double question mark', () => {
    expect(checkTone('Really?! ^JS', { channel: 'x' }).find((f) => f.rule === 'shouting')?.evidence).toEqual(['?!']);
    expect(rules('Why!? ^JS', { channel: 'x' })).toContain('shouting');
    expect(rules('Which one?? ^JS', { channel: 'x' })).not.toContain('shouting');
  });

  it('flags a reply written mostly in capitals', () => {
    expect(rules('PLEASE SEND US A MESSAGE NOW', { channel: 'x' })).toContain('shouting');
  });

  it('allows acronyms, a signature and one exclamation mark', () => {
    expect(rules('Please DM us the FAQ link, ETA is 5 PM GMT! ^JS', { channel: 'x' })).not.toContain('shouting');
    expect(rules('One NEW thing to try!', { channel: 'x' })).not.toContain('shouting');
  });
});

describe('checkTone: personal data in public', () => {
  it.each([
    ['Please reply with your full address so we can check.', 'a home address'],
    ["What's your date of birth?", 'a date of birth'],
    ['Can you share your phone number here?', 'a phone number'],
    ['Please post your email address below.', 'an email address'],
  ])('flags a public request: %j', (draft, label) => {
    const finding = checkTone(draft, { channel: 'x' }).find((f) => f.rule === 'personal-data-in-public');
    expect(finding?.evidence).toEqual([label]);
    expect(finding?.message).toContain('in a DM instead');
  });

  it('is fine in a DM or private message request, and when telling them not to share', () => {
    expect(rules('Could you DM us your phone number and address?', { channel: 'x' })).not.toContain('personal-data-in-public');
    expect(rules('Please send us your email address in a private message.', { channel: 'facebook' })).not.toContain('personal-data-in-public');
    expect(rules("Please don't share your address here.", { channel: 'x' })).not.toContain('personal-data-in-public');
    expect(rules('You can call our phone line on 0800 123.', { channel: 'x' })).not.toContain('personal-data-in-public');
  });

  it('warns never to ask for passwords or full card numbers, even privately', () => {
    const finding = checkTone('DM us your password and card number so we can log in.', { channel: 'x' }).find((f) => f.rule === 'personal-data-in-public');
    expect(finding?.evidence).toEqual(['a password', 'a full card number']);
    expect(finding?.message).toContain('not even in private messages');
  });

  it('says private message on Facebook', () => {
    const finding = checkTone('Please comment your phone number.', { channel: 'facebook' }).find((f) => f.rule === 'personal-data-in-public');
    expect(finding?.message).toContain('in a private message instead');
  });
});

describe('checkTone: over the channel limit', () => {
  it('warns with how far over it is on X, weighted as X counts', () => {
    const finding = checkTone('日'.repeat(141), { channel: 'x' }).find((f) => f.rule === 'over-limit');
    expect(finding?.message).toContain('2 over the 280');
  });

  it('allows long Facebook comments', () => {
    expect(rules('word '.repeat(300), { channel: 'facebook' })).not.toContain('over-limit');
    expect(rules('a'.repeat(8001), { channel: 'facebook' })).toContain('over-limit');
  });
});

describe('checkTone: unsigned', () => {
  const signs: ToneCheckOptions = { channel: 'x', teamSigns: true, signature: '^JS', agentName: 'Jane Smith' };

  it('reminds to sign when the team signs', () => {
    const finding = checkTone('Thanks for the kind words!', signs).find((f) => f.rule === 'unsigned');
    expect(finding).toMatchObject({ severity: 'info', message: 'Your team signs its replies: end this one with ^JS.' });
  });

  it('accepts the signature or the name at the end, and ignores teams that do not sign', () => {
    expect(rules('Thanks! ^JS', signs)).not.toContain('unsigned');
    expect(rules('Thanks!\n\nJane Smith', { ...signs, channel: 'facebook' })).not.toContain('unsigned');
    expect(rules('Thank you.\n\nJane Smith, Acme Care', { ...signs, channel: 'facebook' })).not.toContain('unsigned');
    expect(rules('^JS says thanks, see you soon', signs)).toContain('unsigned');
    expect(rules('Thanks!', { channel: 'x' })).not.toContain('unsigned');
    expect(rules('Thanks! ^AB', { channel: 'x', teamSigns: true })).not.toContain('unsigned');
  });
});

describe('checkTone: question left unanswered', () => {
  const question: ToneCheckOptions = { channel: 'x', post: { text: 'When will my refund arrive? I returned it a month ago.' } };

  it('warns when the draft has no answer or next step', () => {
    const finding = checkTone('Sorry to hear that. ^JS', question).find((f) => f.rule === 'unanswered-question');
    expect(finding?.message).toContain('"When will my refund arrive?"');
  });

  it.each([
    'Refunds take 5 to 7 working days. ^JS',
    'Sorry! Could you DM us your order number? ^JS',
    "We'll check and come back to you. ^JS",
    'You can track it here: https://example.com/refunds ^JS',
    'It should arrive by Friday. ^JS',
  ])('is satisfied by %j', (draft) => {
    expect(rules(draft, question)).not.toContain('unanswered-question');
  });

  it('finds questions with or without a question mark', () => {
    expect(questionsIn('Hi. how do I reset my password')).toEqual(['how do I reset my password']);
    expect(questionsIn('Great service. Thanks!')).toEqual([]);
    expect(questionsIn('Is the store open today?')).toEqual(['Is the store open today?']);
  });
});

describe('checkTone: leftovers and general behaviour', () => {
  it('flags unrendered template syntax and placeholders', () => {
    expect(checkTone('Hi {{customer.firstName}}, see [insert link]', { channel: 'x' }).find((f) => f.rule === 'leftover-placeholder')?.evidence).toEqual([
      '{{customer.firstName}}',
      '[insert link]',
    ]);
  });

  it('gives no advice on an empty draft, and none on a good reply', () => {
    expect(checkTone('   ', complaint)).toEqual([]);
    const good = 'Sorry to hear this, and sorry for the wait. Could you DM us your order number so we can check where it is? ^JS';
    expect(checkTone(good, { ...complaint, teamSigns: true, signature: '^JS' })).toEqual([]);
  });
});
