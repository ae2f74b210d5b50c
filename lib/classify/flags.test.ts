import { describe, expect, it } from 'vitest';
import RandExp from 'randexp';
import { detectFlags, detectFlagsUngated, personalDataExpressions, ruleExpressions } from './flags';
import { loadBitext, loadBrandEval, loadBrandTrain, loadComplaints, loadSentimentTrain, loadSentimentVal } from './training-data';
import type { FlagName } from './types';
import { mulberry32 } from '../seeded-random';

const names = (text: string) => detectFlags(text).map((f) => f.name);
const evidence = (text: string, name: FlagName) => detectFlags(text).find((f) => f.name === name)?.evidence ?? [];
/** Each `raised` text raises `name` with exactly its one piece of evidence; no `quiet` text raises it. */
function expectFlag(name: FlagName, raised: ReadonlyArray<readonly [string, string]>, quiet: readonly string[]): void {
  for (const [text, words] of raised) expect(evidence(text, name), text).toEqual([words]);
  for (const text of quiet) expect(names(text), text).not.toContain(name);
}

describe('legal', () => {
  it('raises on lawyers, courts and regulators, with the words as evidence', () => {
    expect(evidence('I will be speaking to my lawyer about this', 'legal')).toEqual(['lawyer']);
    expect(names("I'm going to sue you")).toContain('legal');
    expect(names('reporting you to the FCC and the BBB')).toContain('legal');
    expect(names('see you in small claims court')).toContain('legal');
  });
  it('does not raise on Sue the person, a food court, or a negated threat', () => {
    expect(names('Sue at your Leeds store was lovely')).not.toContain('legal');
    expect(names('met at the food court')).not.toContain('legal');
    expect(names("I don't want a lawyer, just a refund")).not.toContain('legal');
  });
});

describe('safety', () => {
  it('raises on violence against the customer or their family, not on a bag kicked or a flight left (real posts to brands)', () => {
    expectFlag(
      'safety',
      [
        ['Pretty much you blew off any concernnto a act of battery on the plane against a child.', 'act of battery'],
        ['The gentlemen in front of my 3 year old son, decided to rip at his feet for pressing them against his seat.', 'rip at his feet'],
        ['the driver shoved my wife out of the car', 'shoved my wife'],
        ['the agent physically pushed me at the gate', 'physically pushed'],
      ],
      ["a passenger kicked my son's bag under the seat", 'got kicked off my flight for no reason', 'the phone battery died on the plane', 'nobody attacked my son, the staff were lovely'],
    );
  });
  it('raises on injury, fire, medical', () => {
    expect(evidence('the charger caught fire', 'safety')).toEqual(['caught fire']);
    expect(names('my son had an allergic reaction to the nuggets')).toContain('safety');
    expect(names('driver was dangerous, I ended up in hospital')).toContain('safety');
  });
  it('does not raise on "app crashed", "fire your manager" or "no one was hurt"', () => {
    expect(names('the app crashed again')).not.toContain('safety');
    expect(names('you should fire your manager')).not.toContain('safety');
    expect(names('no one was hurt, just annoyed')).not.toContain('safety');
  });
  it('raises on a product recall, a device on fire and sparks from a charger', () => {
    expect(evidence('my car was recalled last year and the part is still not fixed', 'safety')).toEqual(['recalled']);
    expect(evidence('is my kettle part of the recall?', 'safety')).toEqual(['the recall']);
    expect(evidence('my laptop is literally on fire', 'safety')).toEqual(['is literally on fire']);
    expect(evidence('the charger set my desk on fire', 'safety')).toEqual(['set my desk on fire']);
    expect(evidence('sparks came out of the plug', 'safety')).toEqual(['sparks came']);
  });
  it('raises on glass, plastic or metal in food and the cuts it makes (real posts to brands)', () => {
    expect(evidence('@ShockTop there was a piece of glass in one of your 16oz cans. It just sliced my mouth open.', 'safety')).toEqual(['piece of glass', 'sliced my mouth open']);
    expect(evidence('@ChipotleTweets so I’m enjoying my burrito bowl and I find plastic in my food', 'safety')).toEqual(['find plastic']);
    expect(evidence('there was metal in my sandwich and I chipped a tooth', 'safety')).toEqual(['metal in my sandwich', 'chipped a tooth']);
    expect(names('@sainsburys what are you doing to reduce single use plastic in your product lines?')).not.toContain('safety');
    expect(names('I dropped my phone and broke the front glass')).not.toContain('safety');
    expect(names("I'd rather chew glass than deal with you")).not.toContain('safety');
  });
  it('raises on an accident, a head injury, someone unconscious or possibly dead, the ER, a threat (real posts to brands)', () => {
    expect(names('@Uber_Support my driver crashed and I hit my head happy Halloween')).toContain('safety');
    expect(names('I got into a car accident while riding in my @115873 and am currently being checked out in the ER')).toContain('safety');
    expect(names('@Tesco was in appallingly desperate need. Was someone dead or unconscious in that toilet?')).toContain('safety');
    expect(names('the driver refused to pickup and threaten me cancel the booking or else...')).toContain('safety');
    // Not a danger: a bias, an error, an app that crashed, a threat in the news.
    expect(names('it tells you that you have an unconscious bias')).not.toContain('safety');
    expect(names('Bad Blood playing at the game. Must have been an accident...')).not.toContain('safety');
    expect(names('@acme the app crashed again')).not.toContain('safety');
    expect(names('the gunman threatens to kill hostages')).not.toContain('safety');
  });

  it('does not raise on "if I recall", a Fire TV or a Nicholas Sparks film (real posts to brands)', () => {
    expect(names('It expired on 12/31/20 if I recall. Is there any way I can get my months back?')).not.toContain('safety');
    expect(names('@hulu_support yo my hulu wont let me play anything on fire tv.')).not.toContain('safety');
    expect(names('Why isn\'t #Dirt on the new app on Fire and Apple TV devices?')).not.toContain('safety');
    expect(names('Actually, any Nicholas Sparks movie.')).not.toContain('safety');
  });
});

describe('churn', () => {
  it('raises on cancelling the relationship, switching, never again', () => {
    expect(names("I'm cancelling my subscription")).toContain('churn');
    expect(names('switching to Verizon tomorrow')).toContain('churn');
    expect(evidence('never again', 'churn')).toEqual(['never again']);
  });
  it('does not raise on "I\'m not cancelling" or a cancelled flight', () => {
    expect(names("I'm not cancelling my subscription, just asking")).not.toContain('churn');
    expect(names("don't want to cancel my account")).not.toContain('churn');
    expect(names('my flight was cancelled')).not.toContain('churn');
    expect(names('how do I leave a review?')).not.toContain('churn');
    // A threat to post a bad review is press, not leaving.
    expect(names('Going to leave a one-star review on Trustpilot if nothing changes.')).toEqual(['press']);
    expect(names("I'm going to leave a 1 star review")).not.toContain('churn');
    expect(names("I'm going to leave a terrible review")).not.toContain('churn');
    expect(names("I'm going to leave and never come back")).toContain('churn');
    expect(names("I'm going to leave you for another provider")).toContain('churn');
  });
  it('raises on switching to a rival, not on switching to the brand the post is written to', () => {
    expect(evidence('Hey @GEICO I switched to @joinroot and saved 50%', 'churn')).toEqual(['switched to']);
    expect(names('@AmericanAir I am considering switching to @Delta')).toContain('churn');
    expect(names('So my ISP really screwed me over, so I switched to @acmefibre')).not.toContain('churn');
    expect(names('@acme I have a question about my old phone even though I switched to you recently')).not.toContain('churn');
    expect(names('forced to switch to @acme and the installer was rude')).not.toContain('churn');
    expect(names('@acme customers, how is your coverage? Thinking of switching from @rival!')).not.toContain('churn');
    expect(names("@acme I'm switching from @acme to @rival next month")).toContain('churn');
  });
  it('raises on not renewing, shopping around, a named rival from now on, #DeleteX (real posts to brands)', () => {
    expect(names('thankfully our contract is up and we will not be renewed with you guys')).toContain('churn');
    expect(names('terrible customer service. Won’t renew prime if this isn’t fixed.')).toContain('churn');
    expect(names('@sprintcare Don’t worry about it.... I’m just going to see what other companies offer')).toContain('churn');
    expect(names('@AmericanAir That’s ok I will fly with @48751 from now on at least I know I will be on time')).toContain('churn');
    expect(names('@AmericanAir uncalled for. I can fly with anyone.')).toContain('churn');
    expect(names('After today I don’t want to fly with @116450 looks like I’m going back to @delta')).toContain('churn');
    expect(names('@115873 won\'t provide a proper refund #Delete #Fail')).toContain('churn');
    expect(names('rudest flight attendants on @AmericanAir #flydeltainstead')).toContain('churn');
    // Not churn: a renewal that failed, loyalty to the brand written to.
    expect(names('@MojangSupport money was deducted and the service was not renewed, I demand that the money be returned')).not.toContain('churn');
    expect(names('@acme I will fly with @acme from now on, best crew ever')).not.toContain('churn');
    expect(names('@delta going back to @delta after this trip, love you guys')).not.toContain('churn');
  });

  it('raises on thinking of leaving, not on leaving tonight for a trip', () => {
    expect(evidence("Other carriers don't require it and I'm thinking of leaving TMo", 'churn')).toEqual(['thinking of leaving']);
    expect(names('Frankly I am considering switching phones')).toContain('churn');
    expect(names("I'm leaving tonight to Montreal to see Demi Lovato")).not.toContain('churn');
    expect(names("I'm leaving after work on Friday")).not.toContain('churn');
  });

  it('raises on a rival that gained a customer, goodbye and hello, a card cut up, a customer a charge cost (real posts to brands)', () => {
    expectFlag(
      'churn',
      [
        ['Hey @81 you just gained a customer @115817 lost my package I paid for overnight', 'you just gained a customer'],
        ['goodbye @Delta, hello @United', 'goodbye @Delta, hello @United'],
        ['@Delta you suck! 9 hr flt w/o entertainment. Time to shred the DSM card!', 'shred the DSM card'],
        ["I'm cutting up my store card today", 'cutting up my store card'],
        ['This $50 just cost you thousand of dollars moving forward. I hope your CEO learns from this!', 'just cost you thousand'],
        ["you've just cost yourself a loyal customer", 'cost yourself a loyal customer'],
      ],
      // Not churn: someone else cut the card, a cost that is not a customer, gained weight, onions.
      ['the cashier just cut up my card at the desk', "I'm not cutting up my card, just asking about the fee", 'that repair will cost you a fortune', 'I gained a few pounds on this cruise lol', 'first cut up the onions'],
    );
  });
});

describe('personal data', () => {
  it('raises on phone numbers, emails, card numbers and booking references, masked', () => {
    expect(evidence('call me on 07700 900123', 'personal_data')).toEqual(['phone number (…23)']);
    expect(evidence('my number is +1 (555) 123-4567', 'personal_data')).toEqual(['phone number (…67)']);
    expect(evidence('email me at jane.doe@gmail.com', 'personal_data')).toEqual(['email address (…@gmail.com)']);
    expect(evidence('charged twice on 4111 1111 1111 1111', 'personal_data')).toEqual(['card number (…1111)']);
    expect(evidence('booking ref ABCDEF please help', 'personal_data')).toEqual(['booking reference (…EF)']);
    expect(names('order #112-3456789-1234567 never arrived')).toContain('personal_data');
  });
  it('raises on a booking code of capitals and digits, after "reference" written out too, and names the label without its punctuation', () => {
    expect(evidence('@British_Airways booking ref XK7PQ2, can you help?', 'personal_data')).toEqual(['booking reference (…Q2)']);
    expect(evidence('@AirAsiaSupport Booking no. YK2JWF, how do I change it', 'personal_data')).toEqual(['booking reference (…WF)']);
    // "reference" was read as the label "ref" and a code "erence", which hid the code after it.
    expect(evidence('@Ryanair my booking reference is AB12CD', 'personal_data')).toEqual(['booking reference (…CD)']);
    expect(evidence('@DropboxSupport Can you help us with ticket# 7256931?', 'personal_data')).toEqual(['ticket reference (…31)']);
    expect(evidence('@Delta confirmation: K9X2ZT', 'personal_data')).toEqual(['confirmation reference (…ZT)']);
    // Not a booking code: lower case, no capital, no booking word, a month and a day.
    for (const text of ['@easyJet booking ref please', '@acme booking for 2 people, ref 123', '@acme my booking is for JUNE 12', '@acme my flight AB12CD was late']) {
      expect(names(text), text).not.toContain('personal_data');
    }
  });
  it('calls a North American number written as one a phone number, not a reference', () => {
    expect(evidence('can you please message natasha 289 404 8963 and tell her', 'personal_data')).toEqual(['phone number (…63)']);
    expect(evidence('Paul Garrison 850.266.3576', 'personal_data')).toEqual(['phone number (…76)']);
    expect(evidence('my order number is 850266357612', 'personal_data')).toEqual(['reference number (…12)']);
  });
  it('never repeats the data itself in the evidence', () => {
    const all = detectFlags('call 07700 900123 or jane.doe@gmail.com').flatMap((f) => f.evidence).join(' ');
    expect(all).not.toContain('900123');
    expect(all).not.toContain('jane.doe');
  });
  it('does not raise on an order count, dates, times, prices or an @handle', () => {
    expect(names("I've placed 15 orders and 3 were late")).not.toContain('personal_data');
    expect(names('ordered 3 times since 2017-10-31 at 10:30, paid $1,299.99')).not.toContain('personal_data');
    expect(names('@AmazonHelp waited 45 minutes for 2 items')).not.toContain('personal_data');
    expect(names('see https://t.co/123456789012 for the photo')).not.toContain('personal_data');
  });

  it('does not read IP addresses (a traceroute) as reference numbers, and still finds a number beside them (real posts to brands)', () => {
    expect(names('@VerizonSupport 1 <1 ms <1 ms <1 ms 192.168.1.1 2 5 ms 1 ms 1 ms [108.53.222.1] 3 10 ms 7 ms 7 ms [100.41.128.86]')).not.toContain('personal_data');
    expect(names('@VerizonSupport [137.221.83.74] 14 70 ms 70 ms 70 ms [137.221.65.68] 15 69 ms 69 ms 69 ms [137.221.68.67]')).not.toContain('personal_data');
    expect(evidence('router 192.168.1.1 and my number is 07700 900123', 'personal_data')).toEqual(['phone number (…23)']);
  });
});

describe('abuse', () => {
  it('raises on insults and strong profanity', () => {
    expect(evidence('you guys are idiots', 'abuse')).toEqual(['idiots']);
    expect(names('f*cking useless')).toContain('abuse');
  });
  it('does not raise on plain strong criticism', () => {
    expect(names('this is useless and disappointing')).not.toContain('abuse');
  });
});

describe('repeat contact', () => {
  it('raises on counted requests and tickets, and a count of contacts written in the singular (real posts to brands)', () => {
    expectFlag(
      'repeat_contact',
      [
        ['.@116584 I’ve submitted 6 menu updates for East Hanover Diner .  Nothing has been updated.', 'submitted 6 menu updates'],
        ['@AmazonHelp i mailed amazonuk so many time. but i havent got any progress', 'mailed amazonuk so many time'],
        ['opened 3 tickets about this already', 'opened 3 tickets'],
      ],
      ["I haven't submitted 2 claims yet", 'we filed two patents last year', 'raised several concerns about the design', 'travelling across many time zones', 'I logged 5 hours today'],
    );
  });
  it('raises on still, again, third time, no reply', () => {
    expect(names('this is the third time I have called')).toContain('repeat_contact');
    expect(names('My flight was cancelled and nobody is helping. Third time asking!')).toContain('repeat_contact');
    expect(names('second time calling about this')).toContain('repeat_contact');
    expect(names('still waiting for my refund')).toContain('repeat_contact');
    expect(names('DMed you yesterday, no reply')).toContain('repeat_contact');
    expect(names('internet is down again')).toContain('repeat_contact');
  });
  it('does not raise on "thanks again", "still love you", "will fly again" or "third time lucky"', () => {
    expect(names('thanks again, great service')).not.toContain('repeat_contact');
    expect(names('I still love you guys')).not.toContain('repeat_contact');
    expect(names('will definitely fly with you again')).not.toContain('repeat_contact');
    expect(names('third time lucky, my order arrived today!')).not.toContain('repeat_contact');
    expect(names('my second time trying your new burger, still great')).not.toContain('repeat_contact');
  });
  it('raises on "no one is responding", "nobody ever answers" and "sent it twice" (real posts to brands)', () => {
    expect(evidence('@sprintcare I have sent several private messages and no one is responding as usual', 'repeat_contact')).toEqual(['no one is responding']);
    expect(evidence('@sprintcare I sent it twice now to apparently noone!', 'repeat_contact')).toEqual(['sent it twice']);
    expect(names('nobody ever answers the phone!')).toContain('repeat_contact');
    expect(names('they charged my credit card twice')).not.toContain('repeat_contact');
  });
  it('raises on counted calls and emails, "already did", "haven\'t heard from you", a problem that keeps happening (real posts to brands)', () => {
    for (const text of [
      '@AmazonHelp I have made many calls to Amazon CS. No resolution.',
      'Having a terrible time getting @115877 to move charges. 10+ emails deep and have to keep explaining. Help!',
      '@Uber_Support Already spoke with you guys through the app. Wasn\'t helpful.',
      '@Delta I did this some time ago now but haven’t heard from you...',
      '@comcastcares ... says it’s transferring me then it hangs up. Twice now.',
      '@British_Airways terrible customer service, k airw do not reply to my requests for update.',
      'So upset with ubereats! No one will get back to ME!! @Uber_Support',
      '@VerizonSupport This has happens far to many times when important work is due',
      '@LondonMidland Typical @LondonMidland delays as always - what a joke',
      'Posting from phone on 4G, even though I have @115900 cable/internet...for like the 8th time this month.',
      'Hey @115940, put the select profile option on smart TVs already. It\'s been months',
    ]) expect(names(text), text).toContain('repeat_contact');
    // Not a repeat contact: a lawyer, emails received from the brand.
    expect(names('@AdobeCare this keeps me up at night. I have already spoken to my lawyer about this.')).not.toContain('repeat_contact');
    expect(names('@UPSHelp Thrilled I stayed home all day after receiving 3 emails saying my packages are out for delivery')).not.toContain('repeat_contact');
  });

  it('raises on contact through a channel: customer service called, a DM sent, "reply to my DMs", an hour on hold, transfers (real posts to brands)', () => {
    const cases: Array<[string, string]> = [
      ['@AmazonHelp I called customer service and was told my membership wouldn\'t be renewed. I was just charged today.', 'called customer service'],
      ['@AmazonHelp Yeah I sent you a DM too. Had an email saying when it had been dispatched but nothing since.', 'sent you a DM'],
      ['@Delta Can you reply on the DM thread?', 'reply on the DM'],
      ['Bruh can someone at @Uber_Support get back to me on my Dms 😒😒😒😒', 'get back to me on my Dms'],
      ['.@AppleSupport check your DMs for questions and concerns.', 'check your DMs'],
      ['@116072 I was on hold for 46 minutes and no one could help me! SHAME!!!!', 'was on hold for 46 minutes'],
      ['@Tesco awful service. Call cust and an hour on the phone gets absolutely no where.', 'an hour on the phone'],
      ['@115722 tried to pay a bill for 60 days. No service, rude CS, and several transfers.', 'several transfers'],
      ['Hey @116057, if I recieve the wrong order and reported it to support...should I place a new order?', 'reported it to support'],
      ['@HP Contacted customer service twice about the cartridges', 'Contacted customer service twice'],
    ];
    for (const [text, words] of cases) expect(evidence(text, 'repeat_contact'), text).toContain(words);
    // Not yet in touch, or only about to be: a suggestion, a negation, an offer, a support handle.
    for (const text of [
      '@acme you should call customer service about this',
      "@acme I haven't called customer service yet, is there a chat?",
      '@TMobileHelp Hi sultan you mentioned I should send you a dm',
      '@AppleSupport my phone is on hold for repair until Friday',
      '@Uber_Support my driver was rude',
      '@acme what is the customer service number?',
    ]) expect(names(text), text).not.toContain('repeat_contact');
  });

  it('raises on a reply that opens by saying the advice did not work, not on a first report', () => {
    for (const text of ['@SpotifyCares Didn’t work', '@MicrosoftHelps Yes, none of it worked. I didn\'t try the reset', '@AdobeCare Didn\'t work. Tried it on another computer, fresh install, same thing...', '@AskPlayStation It didnt work https://t.co/AkeFUQZY4h']) {
      expect(names(text), text).toContain('repeat_contact');
    }
    for (const text of ['@acme my card didn\'t work at the till', '@acme the new update didn\'t work for me, can you help?', 'I said none of it worked for me at the shop']) {
      expect(names(text), text).not.toContain('repeat_contact');
    }
  });

  it('reads "didn\'t work" where the post\'s text starts, after any run of handles and the spaces after them, and nowhere else', () => {
    expectFlag(
      'repeat_contact',
      [
        ["didn't work", "didn't work"],
        ["@acme @bob didn't work", "didn't work"],
        ['.@acme\u00a0\u00a0yes, it didn\'t help', "yes, it didn't help"],
        ["@acme\n@bob Tried it and didn't work", "Tried it and didn't work"],
        // Thousands of handles first: the rule once walked back over them at every place it tried.
        [`@acme${' @x'.repeat(6000)} none of them worked`, 'none of them worked'],
      ],
      ["@acme I said it didn't work", "@acme,didn't work", "@acme #help didn't work", `${'@x '.repeat(6000)}I said it didn't work`],
    );
  });

  it('shows the first five pieces of a flag\'s evidence, in the rules\' order and the post\'s, however many the post holds', () => {
    const counted = Array.from({ length: 400 }, (_, k) => `called ${k + 2} times`).join('\n');
    expect(evidence(counted, 'repeat_contact')).toEqual(['called 2 times', 'called 3 times', 'called 4 times', 'called 5 times', 'called 6 times']);
    const mixed = `still not fixed. ${'Again and again. '.repeat(300)}I have called 4 times. Yet again!`;
    expect(evidence(mixed, 'repeat_contact')).toEqual(['called 4 times', 'Again and again', 'Yet again', 'still not']);
    const references = Array.from({ length: 300 }, (_, k) => `#${1000000 + k}`).join(' ');
    expect(evidence(references, 'personal_data')).toEqual(['reference number (…00)', 'reference number (…01)', 'reference number (…02)', 'reference number (…03)', 'reference number (…04)']);
  });

  it('gives one piece of evidence for one stretch of the post ("sent it twice now" is not also "twice now")', () => {
    expect(evidence('@sprintcare I sent it twice now to apparently noone!', 'repeat_contact')).toEqual(['sent it twice']);
    expect(evidence('@Delta The search option on your website is broken once again.', 'repeat_contact')).toEqual(['once again']);
  });

  it('counts the 21st time as a repeat and the 1st time not', () => {
    expect(evidence('this is the 21st time I have asked', 'repeat_contact')).toEqual(['this is the 21st time']);
    expect(names('calling for the 12th time today')).toContain('repeat_contact');
    expect(names('flying with you for the 1st time tomorrow!')).not.toContain('repeat_contact');
  });
  it('does not raise on "again" in an error message, a retry or a promise to report back (real posts to brands)', () => {
    expect(names('when I try to log in, I get "An error occurred. Please try again later"')).not.toContain('repeat_contact');
    expect(names('@SpotifyCares Ok! Thanks. I will let you know if it happens again.')).not.toContain('repeat_contact');
    expect(names('I unlinked them, tried the link again and it worked. Thx!')).not.toContain('repeat_contact');
    expect(names('Account closed, all my instances removed. Asking to sign up again.')).not.toContain('repeat_contact');
    expect(names('I want to download again and play now')).not.toContain('repeat_contact');
    // "still" and the negation are in two sentences: not one complaint of waiting.
    expect(names('@AppleSupport The app is still there. But no longer able to control it from the lockscreen.')).not.toContain('repeat_contact');
    expect(names('Car still in shop. Letter not mailed to me yet')).not.toContain('repeat_contact');
    expect(names('my order is still not here')).toContain('repeat_contact');
    // A problem that came back, or another call, still raises it.
    expect(names("@AmazonHelp I've been in the prime queue, the echo queue, and now on hold again.")).toContain('repeat_contact');
    expect(names('@comcastcares Internet down, again. 7th time this month')).toContain('repeat_contact');
    expect(names('Called again, left my number, nobody got back')).toContain('repeat_contact');
  });
});

describe('rules read on 1,706 hand-marked brand posts (twenty-eighth session)', () => {
  it('repeat contact: a problem that lasts or comes back, a contact already made or not answered', () => {
    expectFlag(
      'repeat_contact',
      [
        ['@RockstarSupport I keep getting this alert saying “Unable to connect to rockstar game services”', 'keep getting this alert'],
        ['@AppleSupport My built in app is not receiving new mail since Sunday!', 'not receiving new mail since Sunday'],
        ['@greateranglia ticket machine been out of service for over a week now. When are you going to fix?', 'been out of service for over a week now'],
        ['@BTCare bt mobile can\'t make outgoing calls, says system is busy, for 3 days now! Any ideas?', 'for 3 days now'],
        ['@hulu my login is not working. This is going on 4 days now.', 'going on 4 days'],
        ['@TeamYouTube I tried everything, nothing works', 'tried everything'],
        ['@MicrosoftHelps I had to do a clean install. None of your solutions worked.', 'None of your solutions worked'],
        ['@AmazonHelp This has been an ongoing issue.', 'ongoing issue'],
        ['@AmericanAir why do we always get a runaround. Now on to 4th attempt', 'runaround'],
        ['I have been working on this project for 30 mins and @AdobePremiere has crashed EIGHT TIMES.', 'crashed EIGHT TIMES'],
        ["@HMRCcustomers Hi HMRC. I've uploaded to Facebook. Yet to receive a response.", 'Yet to receive a response'],
        ['@WhirlpoolCare Your company NEVER REPLIED to my letters', 'NEVER REPLIED'],
        ["@KFC_UKI_Help Just got home with my KFC and it's raw. This is not the first time it's happened", 'not the first time'],
        ['@Chase my account has been locked. Trying to reach you on phone but no luck.', 'Trying to reach you'],
        ['I contacted @AdobeCare and they just tell me to call the number.', 'I contacted @AdobeCare'],
        ['@SpotifyCares No still the same', 'still the same'],
      ],
      [
        'I keep getting better at this game @acme',
        'Keep up the good work @acme, keep me posted',
        'Keep voting for @acme!',
        'Since Sunday is National Ice Cream Day, here are our favourite places',
        'I have been a loyal customer for the past 6 months and love it @acme',
        '1st time in years I flew with @acme and it was great',
        'I have been with @acme for the past 5 years',
      ],
    );
  });
  it('churn: not buying again, deleting the account, another provider, uninstalling the brand, #dontflyX', () => {
    expectFlag(
      'churn',
      [
        ['@MojangSupport I bought a mashup pack and never received the pack and will not buy it again.', 'will not buy it again'],
        ['Going to end up never buying off there and it’s making it hard for genuine sellers! @eBay_UK', 'never buying off there'],
        ['@Apple I keep canceling subscriptions, why are you still charging me', 'canceling subscriptions'],
        ['@DropboxSupport Please, please help me delete my account.', 'delete my account'],
        ['@DIRECTV what a joke of a company. I am looking for another source for my TV.', 'looking for another source'],
        ['Since @WellsFargo wanna take all the atms out by my house it seem like i need to change banks.', 'change banks'],
        ["I've uninstalled @zoom_us. Not because of a bug.", "I've uninstalled @zoom_us"],
        ["@turbotax couldn't figure it out so I went to another service, what a mess", 'went to another service'],
        ['@amazon has gotten money out of me twice now. bout done with y’all', 'done with y’all'],
        ['Delayed an hour on my way here @united #dontflyunited', '#dontflyunited'],
        ["Tell them you won't use their service until they boot these sellers @eBay", "won't use their service until"],
        ['It does not make me want to continue being a customer @zoom_us', 'not make me want to continue being a customer'],
      ],
      [
        'I go to another random video from an independent youtuber @TeamYouTube',
        "Looks like I'm going to another White Sox game Wednesday night!",
        'I will buy it again for sure @acme',
        '@acme how do I change my password?',
      ],
    );
  });
  it('safety: people at risk, fumes and smoke, a near miss, unsafe food, a swollen battery, a fall, bullying', () => {
    expectFlag(
      'safety',
      [
        ['Your employees are at HIGH risk. @Ask_WellsFargo', 'employees are at HIGH risk'],
        ['@ChryslerCares my car fairly new and as well smoke smell comes out', 'smoke smell'],
        ['@Uber_Support my driver was doing 52mph in a 20mph zone. I was terrified.', 'I was terrified'],
        ['@KFC the chicken was still pink inside', 'chicken was still pink'],
        ['@Tesco found mouldy bread in my delivery', 'mouldy'],
        ['@Samsung my phone battery is swollen', 'battery is swollen'],
        ['@Walmart I slipped and fell in your store', 'slipped and fell'],
        ['@TwitterSupport my daughter is being bullied on here', 'being bullied'],
        ['PEOPLE PLEASE if you dont need masks dont buy them. The sniffles can kill some of us. @vogmask', 'can kill some of us'],
      ],
      [
        'Curtis wants Swansea to break the mould in manager search',
        'Seth rollins every monday night on #raw in the middle of this ring',
        "niall's voice is just TOO GOOD this 5th album will kill me",
        'wearing my pink shirt to the parade @acme',
        'Oracle CSO numbers, security hygiene and fixes at the same time',
        'my account is at risk of being closed @acme',
      ],
    );
  });
  it('abuse, press, legal and personal data: the words the marked posts used', () => {
    expectFlag('abuse', [['The transfer from my old iPod is a total clusterfuck @AppleSupport', 'clusterfuck'], ['@bt_uk YOU SUCK.', 'YOU SUCK'], ['@amazon another lazy ass delivery person', 'lazy ass']], ['my class assessment @acme', 'I passed! @acme']);
    expectFlag(
      'press',
      [['please get the word out @RockstarGames', 'get the word out'], ["Ok so I'll put ur bzness out here where everyone can see it. @SpotifyCares", 'where everyone can see'], ['@GeorgiaPower Get it fixed. I will tweet each day until I hear from you.', 'tweet each day']],
      ['I will be buying the new Batman movie on Tuesday, just to let everyone know', 'Reuters: markets fall'],
    );
    expectFlag(
      'legal',
      [['@RockstarSupport Who can I speak to regarding a legal claim involving your company?', 'legal claim'], ['@attorneygeneral why isn’t @eBay being investigated?', 'attorneygeneral'], ['seeing this allowed on eBay. @acccgovau', 'acccgovau']],
      ['it is legal matter and law of the country is supreme', 'Reruns of Big Bang Theory > CMA Awards.', 'Just like Clemson beat GT in the ACCCG'],
    );
    expect(evidence('@AirAsiaSupport i want to know my refund processing. my inquiry number is 00922935.', 'personal_data')).toEqual(['inquiry reference (…35)']);
  });
});

describe('rules read on 1,160 hand-marked twcs posts (twenty-ninth session)', () => {
  it('repeat contact: always or constantly broken, an ordinal contact, the advice followed, a call hung up, contact some time ago, nobody able to help', () => {
    expectFlag(
      'repeat_contact',
      [
        ['@117157 Why is your website always down? Pretty annoying', 'always down'],
        ['@115777 your online forum is always broken even when I clear my cookies.', 'is always broken'],
        ["@116136 It is constantly connecting and disconnecting my Wi-Fi. I'm trying to do homework", 'constantly connecting and disconnecting'],
        ['@comcastcares Frustrated that this is the 7th outage this month.', 'the 7th outage'],
        ['@AmazonHelp ruined his FIRST Halloween by failing to deliver his tiny costume 2 days running', '2 days running'],
        ['@116076 last two times we ordered from y\'all it was cold.', 'last two times'],
        ['@116076 we\'ve had nothing but problems. What\'s going on?!', 'nothing but problems'],
        ['@AdobeCare yea ive done everything you guys told me to do.', 'done everything you'],
        ['@AskPlayStation I have followed your instructions, but my ps4 shows no diablo 3', 'followed your instructions'],
        ['@Tesco Well I have tried and they clearly said they can\'t as I opened the box', 'I have tried'],
        ['@115913 how you feel about your supervisors hanging up on me', 'hanging up on me'],
        ['@81 Just got off the phone with a Rep @116593, and we couldn\'t get a package shipped', 'Just got off the phone with'],
        ['@Uber_Support Responded 45minutes ago...', 'Responded 45minutes ago'],
        ["@British_Airways I've spoken to 5 so far.All telling me different things.", 'spoken to 5 so far'],
        ['@CenturyLinkHelp Trying to order bonded DSL but getting conflicting answers from customer support.', 'conflicting answers'],
        ['@116072 my trouble ticket being lost. Goes with my 16 hours of calls with your billing department.', 'hours of calls'],
        ['@marksandspencer Thanks I filled in an online complaint via your website, how long does it take?', 'filled in an online complaint'],
        ['@AirAsiaSupport I did not receive anything. Have dropped @AirAsiaSupport a DM. Thanks', 'dropped @AirAsiaSupport a DM'],
        ['@Delta Hey Delta how can I get help with this? Calling in isn\'t helping', "Calling in isn't helping"],
        ['@AmazonHelp By mail, text, call, customer phone service, no one is able to help me', 'no one is able to help'],
        ['@British_Airways spelling my name wrong on more than one occasion!!', 'more than one occasion'],
        ['@XboxSupport there\'s no file to delete & restart as said before he\'s done a power cycle?', 'as said before'],
        ['@British_Airways Communication is that slow it is unbelievable about a week for a reply', 'about a week for a reply'],
        ['@VerizonSupport It\'s been like this for weeks. Can you confirm?', 'been like this for weeks'],
        ['@AppleSupport still happening, including on iOS 11.2 beta now. any ideas?', 'still happening'],
        ['@116540 Read the previous tweets in this chain? @XboxSupport', 'previous tweets'],
        ['.@116072 after an install no-show & 25+ min of being on hold, I\'m thinking the rumors were true.', '25+ min of being on hold'],
      ],
      [
        'sun is always out, you know what that leads to',
        'I got my 1st achievement on the xbox one: watch Netflix 7 days in a row.',
        'Right, the 2nd tweet is better, but I’m at Harold Washington',
        'I have been watching Naruto for DAYS. Help me.',
        "I've been excited for this for months and it's finally here!",
        'Can you spot the five different things in these images?',
        'I followed your account today @acme',
        'in the second week of May @acme',
        'I have tried the new pumpkin latte and loved it @acme',
        "I've been watching Gilmore Girls for the past 3 hours. Oops, happy Thursday!",
        'Briana has been pregnant for 12 months..? Learn to count.',
      ],
    );
  });
  it('safety: something in the food, a chemical taste, a weapon, reckless driving, seizures', () => {
    expectFlag(
      'safety',
      [
        ['@askpanera Yes, after i also found a hair in my soup bowl & the wrong dressing', 'hair in my soup bowl'],
        ['@116057 Can’t reach cust service to report TERRIBLE experience- Hair in food and no way to get $ back', 'Hair in food'],
        ['@DunkinDonuts Why does your coffee taste/smell like chemicals?', 'taste/smell like chemicals'],
        ['@116276 WHY IF I REPORT ANOTHER DRIVER WITH A GUN IN HI VEHICLE MY ACCOUNT GETS PUT ON HOLD', 'WITH A GUN'],
        ["I see the local Papa John's delivery guy weaving in and out of traffic", 'weaving in and out of traffic'],
        ['@AppleSupport do you have any apps so I can detect my seizures', 'seizures'],
      ],
      ['a nail in the coffin for @acme', 'a rock in my shoe', 'bugs in the order page @acme', 'my burrito came with a knife and fork @acme', 'a fly in to LAX @acme'],
    );
  });
  it('churn: a customer lost, never coming back, never a customer, done with the brand, a membership got rid of, money not wasted again', () => {
    expectFlag(
      'churn',
      [
        ['@Uber_Support Already responded. No response. Loyal customer just lost.', 'customer just lost'],
        ["@116523 HP won't regionalize my current, working printer. Bad business. Lost this military customer", 'Lost this military customer'],
        ['.@Uber_Support Thanks to your AMAZING customer service, you have just lost 2 customers', 'you have just lost 2 customers'],
        ['@115913 @115911 Now I need to stay with AT&T 😭 #youlostanewcustomer #wantedtoswitch', '#youlostanewcustomer'],
        ['@117115 Order botched. Driver cant fix. #fail #neveragain', '#neveragain'],
        ['@AskTarget you do a great job empowering your employees, oh wait, you don’t. Never coming back.', 'Never coming back'],
        ['@116827 charging 15¢ to non-customers for a roll of quarters!? Definitely won’t ever be a customer there!', 'won’t ever be a customer'],
        ["@115845 They sent the order to Germany! I'm so done with Amazon!", 'so done with Amazon'],
        ['@AdobeCare no its still broken. will probably be getting rid of my membership', 'getting rid of my membership'],
        ['Flew Tui - loads of room. Not wasting money with @British_Airways again', 'Not wasting money'],
      ],
      ["I'm officially done with all of my exit level TAKS.", 'they were on display when they were never coming back in stock', "I'm so done with this week"],
    );
  });
  it('press: making it public, making people aware', () => {
    expectFlag(
      'press',
      [
        ["@Uber_Support stop lying, I'll make it public all the lies your guys have told me", 'make it public'],
        ['@British_Airways I need to make people aware', 'make people aware'],
      ],
      ['I need to make my mind up @acme', 'the company will go public next year'],
    );
  });
});

describe('press', () => {
  it('raises on the press and going viral', () => {
    expect(names('I have contacted a journalist')).toContain('press');
    expect(names('this needs to go viral, please RT')).toContain('press');
  });
  it('does not raise on "any news on my order?"', () => {
    expect(names('any news on my order?')).not.toContain('press');
  });
  it('raises on going public: social media, the news, review sites', () => {
    expect(evidence('I will be posting this on social media', 'press')).toEqual(['on social media']);
    expect(evidence('I am calling the local news about this', 'press')).toEqual(['local news']);
    expect(evidence('leaving an honest write-up on Yelp tonight', 'press')).toEqual(['on Yelp']);
    expect(evidence('this deserves a @TripAdvisor review', 'press')).toEqual(['TripAdvisor review']);
  });
  it('does not raise on the review site as the brand, a social media team or heard the news (real posts to brands)', () => {
    expect(names('@Yelp how does someone report an overly aggressive Yelp sales person?')).not.toContain('press');
    expect(names('@AmericanAir Let’s see if your social media team will respond here')).not.toContain('press');
    expect(names('@AppleSupport my letters are not showing up on any of my social media platforms')).not.toContain('press');
    expect(names("@British_Airways here's the news article in case you need it")).not.toContain('press');
    expect(names('@eBay why are you letting people scalp medical equipment during a viral crisis??')).not.toContain('press');
  });
});

it('reads a phone keyboard’s apostrophe (’) in the middle of a rule’s words too ("won’t be back": the gate missed it)', () => {
  expect(names('@acme I won’t be back after this')).toContain('churn');
  expect(names('@acme you don’t answer, ever')).toContain('repeat_contact');
});

it('reads a phone keyboard’s apostrophe (’) as the rules’ (\'), and quotes the evidence as the post wrote it', () => {
  expect(evidence('@115877 your app and website still don’t work', 'repeat_contact')).toEqual(['still don’t']);
  expect(evidence("@115877 your app and website still don't work", 'repeat_contact')).toEqual(["still don't"]);
  expect(evidence('@SpotifyCares Didn’t work', 'repeat_contact')).toEqual(['Didn’t work']);
  expect(names('I’m going to sue you')).toContain('legal');
  expect(names('I’m cancelling my subscription')).toContain('churn');
  expect(names('I’m not cancelling my subscription, just asking')).not.toContain('churn');
  expect(names('can’t wait to fly with you again!')).not.toContain('repeat_contact');
  expect(detectFlags('still don’t work')).toEqual(detectFlagsUngated('still don’t work'));
});

it('returns flags in a fixed order', () => {
  expect(names('still no reply, calling my lawyer, the oven caught fire')).toEqual(['legal', 'safety', 'repeat_contact']);
});

describe('the gate', () => {
  // The gate and the hints only decide which rules run: on every post, what they let through
  // must give the flags of running every rule. A hint narrower than its rule's expression once
  // kept "for the 21st time" from ever raising repeat contact (and the expression read "for the
  // 1st time" as a repeat), unseen by any other test.
  it('never skips a rule that would match: gated and ungated flags agree on every committed post, upper-cased too', () => {
    const texts = [...loadBrandEval(), ...loadBrandTrain(), ...loadComplaints(), ...loadSentimentVal(), ...loadSentimentTrain(), ...loadBitext()].map((r) => r.text);
    let flagged = 0;
    for (const text of [...texts, ...texts.map((t) => t.toUpperCase())]) {
      const gated = detectFlags(text);
      expect(gated, text).toEqual(detectFlagsUngated(text));
      if (gated.length > 0) flagged++;
    }
    expect(flagged).toBeGreaterThan(3000);
  }, 60_000);

  /** Each text raises its flag, and the gate lets it through to exactly the ungated flags. */
  function expectRaisedAsUngated(cases: ReadonlyArray<readonly [string, FlagName]>): void {
    for (const [text, name] of cases) {
      expect(names(text), text).toContain(name);
      expect(detectFlags(text), text).toEqual(detectFlagsUngated(text));
    }
  }

  // Some literals must end a word ("sick", not "sickness": a hint alternative ending in \b): the
  // gate reads any character that is no letter after them, and one more such at the post's end,
  // which random matches (always followed by a space or a word) never reach.
  it('finds a literal that must end a word before punctuation, an emoji and at the very end of the post', () => {
    expectRaisedAsUngated([
      ['@acme your chicken made me sick', 'safety'],
      ['@acme your chicken made me sick!', 'safety'],
      ['@acme your chicken made me SICK😡', 'safety'],
      ['@acme the fries made my son ill', 'safety'],
      ['i mailed amazonuk so many time', 'repeat_contact'],
      ['@acme my card was charged twice. Refund it or see you in court', 'legal'],
      ['@acme the app logged me out again', 'repeat_contact'],
    ]);
    for (const text of ['@acme sickness bug going round the office', '@acme my tech illustrated it', '@acme the courtyard is lovely']) {
      expect(detectFlags(text), text).toEqual(detectFlagsUngated(text));
    }
  });

  it('reads every digit where a hint writes "0": the 2nd, 7th and 21st time, 3 or 40 times, my 10k followers', () => {
    expectRaisedAsUngated([
      ['@acme for the 2nd time my order is late', 'repeat_contact'],
      ['@acme this is the 7th time I have asked', 'repeat_contact'],
      ['@acme for the 21st time, where is my refund', 'repeat_contact'],
      ['@acme I have called 3 times now', 'repeat_contact'],
      ['@acme I emailed you 40 times', 'repeat_contact'],
      ['@acme I will tell my 10k followers about this', 'press'],
      ['@acme after 9 calls nothing is fixed', 'repeat_contact'],
    ]);
  });

  it('agrees with the ungated flags on seeded random mixes of the rules’ words, numbers, handles, URLs and emails', () => {
    const pieces = [
      'for the', '21st', '1st', '3rd', 'time', 'times', 'twice', 'sent', 'nobody', 'is', 'responding', 'don’t', 'I’m', 'won’t be', 'still', 'not', 'no', 'reply', 'again', 'try', 'called', '5', 'sue', 'you', 'court', 'food',
      'lawyer', 'on', 'fire', 'tv', 'the', 'recall', 'sparks', 'came', 'social', 'media', 'news', 'yelp', 'viral', 'rt', 'please', 'switched', 'to',
      '@acme', '@rival', 'cancel', 'my', 'account', 'f*ck', 'sh!t', 'idiots', 'order', '#123456', 'ref', 'ABCDEF', '07700 900123', '+1 (555) 123-4567',
      'piece of', 'glass', 'plastic', 'metal', 'found', 'in my', 'food', 'cut my', 'sliced his', 'mouth', 'chipped', 'tooth',
      '4111 1111 1111 1111', 'jane.doe@gmail.com', 'https://t.co/123456789012', 'www.x.co', '.', ',', '!', '?', '\n', 'İ', 'never', 'again', 'leave', 'a', 'review',
      'back', 'answer', 'don’t answer', 'haven’t heard from', 'already did', 'keeps', 'freezing', 'it’s been', 'weeks', 'what other', 'companies', 'offer',
      'fly with', 'from now on', 'car', 'accident', 'someone', 'dead', '192.168.1.1', 'emails', '10', 'calls', 'twice now', 'as always', '#deleteacme',
      // The words around the hints' literals (each literal is a piece of every match of its
      // rule's alternative, kept short for the automaton's table).
      'gonna', 'might', 'may', 'should', 'could', 'i’ll', 'want to', 'them', 'this', 'your', 'u', 'issue', 'driver', 'bus', 'taxi', 'uber', 'vehicle',
      'crashed', 'into', 'could have', 'been', 'died', 'killed', 'somebody', 'was', 'closing', 'cancelled', 'canceling', 'terminate', 'ending', 'end',
      'our', 'subscription', 'switching', 'providers', 'carriers', 'banks', 'network', 'over to', 'moving', 'my business', 'to another', 'lost',
      'losing', 'lose', 'a loyal', 'customer', 'me as a', 'going back', 'using', 'flying', 'ordering', 'shopping', 'coming back', 'returning',
      'last time', 'i', 'ordered', 'haven’t', 'hasn’t', 'have not', 'didnt', 'received', 'got', 'gotten', 'been contacted', 'waiting', 'yet',
      'once', 'and', 'previously', 'told', 'follow-up', 'following up', 'follow up on', 'with', 'doesnt', 'will not', 'respond', 'get back',
      'heard back from', 'for like the', 'second', 'keep', 'crashing', 'logging me out', 'going down', 'has been', 'happening', 'going on', 'for',
      'happens', 'all the time', 'daily', 'delayed', 'as usual', 'it has been', 'its been', 'days', 'press', 'release', 'local', 'tv news',
      'station', 'contact', 'told the', 'everyone', 'followers', 'elsewhere', 'no longer', 'a',
    ];
    const rand = mulberry32(7);
    let flagged = 0;
    for (let i = 0; i < 3000; i++) {
      const n = 2 + Math.floor(rand() * 12);
      const words: string[] = [];
      for (let k = 0; k < n; k++) words.push(pieces[Math.floor(rand() * pieces.length)]!);
      const text = words.join(rand() < 0.8 ? ' ' : '');
      const gated = detectFlags(text);
      expect(gated, text).toEqual(detectFlagsUngated(text));
      if (gated.length > 0) flagged++;
    }
    expect(flagged).toBeGreaterThan(1000);
  });

  /** The expression without its lookarounds (nested groups too): a superset of its matches, for RandExp. */
  function withoutLookarounds(source: string): string {
    let out = '';
    for (let i = 0; i < source.length; i++) {
      if (source[i] === '\\') {
        out += source.slice(i, i + 2);
        i++;
      } else if (/^\(\?<?[=!]/.test(source.slice(i, i + 4))) {
        let depth = 0;
        for (; i < source.length; i++) {
          if (source[i] === '\\') i++;
          else if (source[i] === '(') depth++;
          else if (source[i] === ')' && --depth === 0) break;
        }
      } else out += source[i];
    }
    return out;
  }

  /**
   * Texts written by expressions themselves: `perSource` random matches of each (every
   * alternative, every optional part, random case), between words picked from `context`, for
   * which the gated flags must equal the ungated ones. The share of texts that raise the source's
   * flag. RandExp reads no lookaround: without them, the matches are a superset of the
   * expression's (and after a space, the rules' lookbehinds hold anyway).
   */
  function gateAgreesOnMatches(sources: ReadonlyArray<{ flag: FlagName; source: string }>, seed: number, max: number, perSource: number, context: readonly string[]): number {
    const rand = mulberry32(seed);
    let raised = 0;
    let total = 0;
    for (const { flag, source } of sources) {
      const generator = new RandExp(new RegExp(withoutLookarounds(source), 'i'));
      generator.max = max;
      generator.randInt = (from: number, to: number) => from + Math.floor(rand() * (to - from + 1));
      for (let i = 0; i < perSource; i++) {
        const pick = () => context[Math.floor(rand() * context.length)]!;
        // An expression that must stand at the post's start (after its handles) is written there.
        const text = /^(?:\^|\(\?<=\^)/.test(source) ? `${generator.gen()} ${pick()}` : `${pick()} ${generator.gen()} ${pick()}`;
        const ungated = detectFlagsUngated(text);
        expect(detectFlags(text), `${flag}: ${text}`).toEqual(ungated);
        total++;
        if (ungated.some((f) => f.name === flag)) raised++;
      }
    }
    return raised / total;
  }

  // The hints' literals are pieces of the rules' alternatives, kept short for the automaton's
  // table ("(?:r|s|i|e) crashed" for "driver, car, bus, taxi, uber or vehicle crashed"). Words
  // drawn at random seldom spell a whole alternative, so here each rule's own expression writes
  // the texts.
  it("lets through every text a rule's expression matches: 1,000 random matches of each rule, in random context", () => {
    const context = ['', 'hi @acme', 'I', 'and', 'my order', 'today.', 'https://t.co/abc', 'please', '😡', 'it’s', 'the'];
    // Most generated texts raise their rule's flag (the rest are negated or fall under an exception).
    expect(gateAgreesOnMatches(ruleExpressions(), 11, 3, 1000, context)).toBeGreaterThan(0.6);
  });

  it("lets through every text the personal-data scan's expressions match: emails, digit runs, references", () => {
    const context = ['', 'hi @acme', 'call me on', 'my order', 'today.', 'https://t.co/abc', 'please', '😡', 'it’s'];
    const sources = personalDataExpressions().map((source) => ({ flag: 'personal_data' as const, source }));
    expect(gateAgreesOnMatches(sources, 3, 6, 300, context)).toBeGreaterThan(0.4);
  });
});

describe('safety written from the guideline (thirtieth session)', () => {
  it('raises on self-harm, a sudden medical event, a life-sustaining machine, germs in food', () => {
    expectFlag(
      'safety',
      [
        ['@acme if this goes on I will kill myself', 'kill myself'],
        ['@acme my brother has been suicidal since the layoffs and your line hung up on him', 'suicidal'],
        ['@acme my dad had a heart attack at your store and no one called anyone', 'had a heart attack'],
        ['@acme my daughter nearly fainted in the queue, 40 minutes in the sun', 'my daughter nearly fainted'],
        ['@acme power cut for 9 hours and my mum is on oxygen', 'on oxygen'],
        ['@acme two of us came down with salmonella after the chicken', 'salmonella'],
        ['@acme the heating is off on the 7.43 and a passenger has hypothermia', 'hypothermia'],
      ],
      [
        '@acme that was a stroke of genius',
        '@acme I nearly had a heart attack when I saw the bill',
        '@acme Oxygen network is missing from my channels',
        '@acme the deal collapsed and now my order is stuck',
        '@acme I passed out flyers all day',
        '@acme Suicide Squad is not on the app',
      ],
    );
  });
  it('raises on a crime against the customer, a car failing, a broken bone, bed bugs, a lift', () => {
    expectFlag(
      'safety',
      [
        ['@acme I got mugged outside your store and security did nothing', 'got mugged'],
        ['@acme your driver tried sexually assaulting my cousin', 'sexually assaulting'],
        ['@acme a man followed me home from your station', 'followed me home'],
        ['@acme the driver grabbed me by the arm', 'grabbed me'],
        ['@acme the brakes failed on the rental car', 'brakes failed'],
        ['@acme tyre blew on the motorway 2 days after your fitting', 'tyre blew'],
        ['@acme fell down your stairs and broke my wrist', 'broke my wrist'],
        ['@acme we found bed bugs in room 212', 'bed bugs'],
        ['@acme stuck in the lift at your Leeds store for an hour!', 'stuck in the lift'],
      ],
      [
        '@acme I was stalking your new menu all day',
        '@acme Kolchak the Night Stalker is not on the app',
        '@acme your new logo touched me, well done',
        '@acme I broke my phone screen, can you fix it?',
        '@acme the steering committee meets tomorrow',
        '@acme my car is on the highway to nowhere',
        '@acme watching Concussion tonight',
        '@acme get attacked for saying anything on here',
      ],
    );
  });
});

describe('repeat contact, read on brand-flags and twcs-flags misses (thirtieth session)', () => {
  it('raises on "its been like 3 months", "still nada", an issue since a time, being ignored, a failure again and again', () => {
    expectFlag(
      'repeat_contact',
      [
        ['RESTOCK THE JERSEY IN MEDIUM ITS BEEN LIKE 3 MONTHS!! @acme', 'ITS BEEN LIKE 3 MONTHS'],
        ['@acme Nope. Still nada.', 'Still nada'],
        ['@acme Acrobat DC Pro is unable to detect Word files for conversion or combining. Facing this issue since last 6 months', 'issue since last 6 months'],
        ['@acme was asked to take this to private messages and have been ignored ever since?!', 'been ignored'],
        ['@acme anyone else finding it is continually crashing since the latest update? Ugh!', 'continually crashing'],
        ['@acme I have repeatedly asked for a refund', 'repeatedly asked'],
        ['@acme can you update me on my order as it still says being prepared', 'still says'],
        ['@acme I still need help getting into my old account please!', 'still need help'],
        ['@acme No ones helping me', 'No ones helping'],
        ["@acme I've been sending feedback about my revenue", 'been sending'],
      ],
      [
        '@acme I still need to buy a charger',
        '@acme is the film still showing in August?',
        '@acme May God continually bless you',
        '@acme the pilot repeatedly advised it would take a few minutes',
        '@acme I still like it',
        '@acme its been lovely, thanks',
        '@acme no issue at all, loving the new app',
      ],
    );
  });
});

describe('churn written from the guideline (thirtieth session)', () => {
  it('raises on business taken elsewhere, a last time, a way out of the contract, the termination fee, other providers', () => {
    expectFlag(
      'churn',
      [
        ['@acme time to take my business elsewhere', 'take my business'],
        ["@acme I'll be shopping elsewhere from now on", "I'll be shopping elsewhere"],
        ['@acme that was the last time I ever fly with you', 'last time I ever fly'],
        ['@acme first and last time I order from you', 'first and last time I order'],
        ['@acme I want out of my contract', 'want out of my contract'],
        ['@acme what is the early termination fee?', 'early termination fee'],
        ['@acme seriously considering other providers', 'considering other providers'],
      ],
      [
        '@acme shut up and take my money',
        '@acme I usually shop elsewhere, but your offers are good',
        '@acme what other options do I have?',
        'the first and last time I saw the band live',
        '@acme get me out of the queue please',
      ],
    );
  });
});

describe('personal data named by its words, and IBANs (thirtieth session)', () => {
  it('finds a postcode, an address, a date of birth, social security and national insurance numbers, a sort code, an IBAN; not an address word with no address, a store address, a famous birthday, a ZIP code, a wrong IBAN, a product code', () => {
    expectFlag(
      'personal_data',
      [
        ['@acme my postcode is SW1A 1AA, please send the refund', 'postcode (…AA)'],
        ['@acme I live at 221B Baker Street, London', 'postal address'],
        ['@acme please deliver it to 14 Elm Road instead', 'postal address'],
        ['@acme my DOB is 12/03/1985 and it still says I am under 18', 'date of birth (…85)'],
        ['@acme my son was born on 4th March 2015, can he fly alone?', 'date of birth (…15)'],
        ['@acme my SSN is 123-45-6789', 'social security number (…89)'],
        ['@acme national insurance number AB 12 34 56 C', 'national insurance number (…6C)'],
        ['@acme sort code 12-34-56, refund it there', 'bank sort code (…56)'],
        ['@acme my IBAN is GB29NWBK60161331926819', 'bank account (IBAN …19)'],
        ['@acme IBAN GB29 NWBK 6016 1331 9268 19 - where is my money', 'bank account (IBAN …19)'],
      ],
      [
        '@acme my email address is wrong on the account',
        '@acme please address the issue',
        '@acme The store address is 12008 blue ridge blvd',
        'Linnaeus is born on 5/23/1707.',
        '@acme Adobe is down since 12/03/2020',
        '@acme zip code 90210 is not accepted at checkout',
        '@acme IBAN GB28NWBK60161331926819',
        "@acme I'm trying to find DPCI 030-02-8711",
      ],
    );
  });
});

describe('legal written from the guideline (thirtieth session)', () => {
  it('raises on a complaint to a named regulator, a breach of contract, a section 75 claim', () => {
    expectFlag(
      'legal',
      [
        ['@acme I will be filing a complaint with the DOT', 'filing a complaint with the DOT'],
        ['@acme reporting you to the CAA for this', 'reporting you to the CAA'],
        ['@acme I will report this to the ICO', 'report this to the ICO'],
        ['@acme filing a complaint with the public utility commission', 'filing a complaint with the public utility commission'],
        ['@acme complaint to the state insurance commissioner today', 'complaint to the state insurance commissioner'],
        ['@acme this is a breach of contract', 'breach of contract'],
        ['@acme I will make a section 75 claim', 'section 75'],
      ],
      ['@acme the dot com era is over', '@acme sent it to the FDA approved lab', '@acme I love the ICO game', '@acme the police commissioner said so'],
    );
  });
});

describe('press written from the guideline (thirtieth session)', () => {
  it('raises on a post or video promised about the brand, everyone hearing of it, a bad review, the papers, a following', () => {
    expectFlag(
      'press',
      [
        ['@acme I am posting this on reddit', 'I am posting this on reddit'],
        ['@acme I will make a tiktok about this', 'make a tiktok about this'],
        ['@acme this is going on my blog', 'going on my blog'],
        ['@acme everyone will hear about this', 'everyone will hear about this'],
        ['@acme giving you a terrible review', 'giving you a terrible review'],
        ['@acme wait till the papers hear about it', 'the papers hear'],
        ['@acme I have 50k followers', 'I have 50k followers'],
      ],
      [
        'I posted 12 photos on Facebook in the album "Super Sunday"',
        'Write a review on Google+ for Hires Dental Care and win $50',
        '@acme here is a video of the damage',
        '@acme your case is under review',
        '@acme please do a video on how to set it up',
      ],
    );
  });
});

describe('abuse written from the guideline (thirtieth session)', () => {
  it('raises on threats of harm and insults aimed at people', () => {
    expectFlag(
      'abuse',
      [
        ['@acme I hope you die', 'I hope you die'],
        ['@acme I will burn your store down', 'burn your store down'],
        ['@acme watch your back', 'watch your back'],
        ['@acme I know where you live', 'I know where you live'],
        ['@acme die in a fire', 'die in a fire'],
        ["@acme why don't you piss off to somewhere else", 'piss off'],
        ['@acme go f yourself', 'go f yourself'],
        ['@acme you guys are trash', 'you guys are trash'],
        ['@acme you are pathetic', 'you are pathetic'],
      ],
      [
        '@acme I hope you have a great day',
        '@acme the service is pathetic',
        "@acme I'm making it my mission to piss off a Brown's fan today",
        '@acme where do you live?',
        '@acme 50% off everything',
        '@acme burn the candle at both ends',
      ],
    );
  });
});
