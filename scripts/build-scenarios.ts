/**
 * Builds the built-in practice pack data/practice/scenarios.json from IBM's Twitter customer-care
 * conversations (Apache-2.0, ../shared/data/ibm-twitter-customer-care), plus a small, marked set of
 * synthetic variants for labels the real data barely has. Deterministic: the same input gives the
 * same bytes (no clock, no Math.random; every choice is ordered by a hash of the conversation id).
 *   npx tsx scripts/build-scenarios.ts            (writes the pack)
 *   npx tsx scripts/build-scenarios.ts --check    (fails if the committed pack differs)
 * How labels, names and numbers were derived: data/practice/PROVENANCE.md.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { classifyPost } from '../lib/classify/index.ts';
import type { FlagName, Intent, Urgency } from '../lib/classify/types.ts';
import { FLAG_NAMES, INTENTS } from '../lib/classify/types.ts';
import { parseScenarioPack, serializeScenarioPack, type ConversationTurn, type Difficulty, type FirstMove, type Scenario } from '../lib/practice/scenario.ts';
import { DEFAULT_SLA_SETTINGS, targetFor } from '../lib/sla/settings.ts';

const SOURCE_DIR = process.env.IBM_CARE_DIR ?? join(import.meta.dirname, '../../shared/data/ibm-twitter-customer-care');
const OUT = join(import.meta.dirname, '../data/practice/scenarios.json');
const DATASET = 'ibm-twitter-customer-care';
const MAX_BYTES = 400_000;
const check = process.argv.includes('--check');

// ── Input ──────────────────────────────────────────────────────────────────────────────────────

interface RawMessage {
  client?: string;
  client1?: string;
  agent?: string;
  datetime: string;
  message: string;
  tweet_ID: string;
}
interface RawConversation {
  agentURL: { url_utterance: string; tweet_ID: string };
  dialogContent: RawMessage[];
  dialogHeader: { company: string; sessionID: string };
}
interface Turn {
  from: 'customer' | 'brand';
  /** The real handle (customer or other participant); never written out. */
  handle: string;
  text: string;
}

function load(): RawConversation[] {
  if (!existsSync(SOURCE_DIR)) {
    console.error(`No dataset at ${SOURCE_DIR}. Set IBM_CARE_DIR or put ../shared beside the repository.`);
    process.exit(1);
  }
  return ['dev.json', 'test.json'].flatMap((f) => JSON.parse(readFileSync(join(SOURCE_DIR, f), 'utf8')) as RawConversation[]);
}

function turnsOf(c: RawConversation): Turn[] {
  const turns: Turn[] = c.dialogContent.map((m) =>
    m.agent !== undefined ? { from: 'brand', handle: m.agent, text: m.message } : { from: 'customer', handle: m.client ?? m.client1 ?? '', text: m.message },
  );
  turns.push({ from: 'brand', handle: c.dialogHeader.company, text: c.agentURL.url_utterance });
  return turns;
}

// ── Hashing (the only source of "randomness") ──────────────────────────────────────────────────

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
function hashInt(text: string): number {
  return Number.parseInt(hash(text).slice(0, 8), 16);
}
/** A number in [0, 1) fixed by the text. */
function hashUnit(text: string): number {
  return hashInt(text) / 2 ** 32;
}

// ── Anonymisation ──────────────────────────────────────────────────────────────────────────────

const FIRST_NAMES = (
  'Alex Ana Ben Bea Cal Cara Dan Dee Eli Eva Finn Faye Gus Gia Hal Hana Ian Iris Jay Jo Kai Kim Leo Lia Max Mia Ned Nia Oli Ola Pat Pia ' +
  'Ray Rosa Sam Sara Ted Tia Uma Val Vic Wes Wren Xan Yara Yuri Zed Zoe Ash Bo Cy Di Ed Em Fox Gil Ivy Joe Kit Lou Mo Noa'
).split(' ');
const INITIALS = 'ABCDEFGHJKLMNPRSTVW';

interface Pseudonym {
  name: string;
  handle: string;
  email: string;
}

/** Handles that name a brand or product of the dataset's companies (checked against the mention list by hand). */
const BRAND_TOKENS =
  /^(?:.*(?:apple|google|gmail|youtube|adobe|photoshop|premiere|indesign|illustrator|behance|spotify|ebay|dropbox|zoom|hulu|yahoo|xbox|playstation|microsoft|windows|office|rockstar|mojang|minecraft|chase|wellsfargo|delta|southwest|amazon|uber|spectrum|godaddy|tmobile|t_mobile|sprint|hp|nintendo|sony|twitch).*)$/iu;

/** Words after "Hi"/"Thanks" in a brand reply that are not a customer's name. */
const NOT_NAMES = new Set(['There', 'Team', 'All', 'Again', 'Everyone', 'Friend', 'Folks', 'Again', 'So', 'For', 'You', 'Again', 'Both', 'Y', 'Yes', 'Sorry']);
const GREETING_NAME = /\b(?:Hi|Hello|Hey|Hiya|Howdy|Dear|Thanks|Thank you|Thanks for (?:the|your) (?:tweet|message|patience|reply|reaching out)),? ([A-Z][a-z]{1,15})\b/gu;
/** "account name: Jane Doe", "my name is Jane Doe". */
const STATED_NAME = /\b((?:account |full )?name(?: is)?:?\s+)([A-Z][a-z]+(?: [A-Z][a-z]+)?)/gu;

/** Names the brand called the customer in a conversation ("Hi Laura!"): replaced by the pseudonym's. */
function greetedNames(texts: readonly string[]): string[] {
  const names = new Set<string>();
  for (const t of texts) for (const m of t.matchAll(GREETING_NAME)) if (m[1] && !NOT_NAMES.has(m[1])) names.add(m[1]);
  return [...names];
}

class Anonymiser {
  private readonly people = new Map<string, Pseudonym>();
  private readonly usedHandles = new Set<string>();
  constructor(
    private readonly keep: ReadonlySet<string>,
    private readonly persons: ReadonlySet<string>,
  ) {}

  /** The same real handle always gets the same pseudonym. */
  pseudonym(handle: string): Pseudonym {
    const key = handle.toLowerCase();
    const known = this.people.get(key);
    if (known) return known;
    const h = hashInt(`person:${key}`);
    const first = FIRST_NAMES[h % FIRST_NAMES.length] ?? 'Sam';
    const initial = INITIALS[Math.floor(h / FIRST_NAMES.length) % INITIALS.length] ?? 'A';
    let n = Math.floor(h / 1000) % 90 + 10;
    let candidate = `${first.toLowerCase()}_${initial.toLowerCase()}${n}`;
    while (this.usedHandles.has(candidate)) candidate = `${first.toLowerCase()}_${initial.toLowerCase()}${++n}`;
    this.usedHandles.add(candidate);
    const p = { name: `${first} ${initial}.`, handle: candidate, email: `${first.toLowerCase()}.${initial.toLowerCase()}${n}@example.com` };
    this.people.set(key, p);
    return p;
  }

  /** A mention stays when it is a brand (or an account many conversations mention); people get pseudonyms. */
  private mention(handle: string): string {
    const key = handle.toLowerCase();
    if (this.keep.has(key) && !this.persons.has(key)) return `@${handle}`;
    return `@${this.pseudonym(handle).handle}`;
  }

  text(raw: string, from: 'customer' | 'brand', authorHandle: string, names: readonly string[] = []): string {
    const first = this.pseudonym(authorHandle).name.split(' ')[0] ?? 'Sam';
    let t = raw.replace(/&amp;/gu, '&').replace(/&lt;/gu, '<').replace(/&gt;/gu, '>').replace(/&quot;/gu, '"').replace(/\r/gu, '');
    // Help-doc links were stored through the Wayback Machine: show the address the brand sent.
    t = t.replace(/https?:\/\/web\.archive\.org\/web\/\d+\//gu, '');
    if (from === 'customer') {
      // A customer's link can name their channel or profile: keep only the site.
      t = t.replace(/https?:\s?\/\/([\w.-]+)\S*/gu, (_m, host: string) => `https://${host}/…`);
    }
    // Emails: the author's becomes their pseudonym's (so a post still shows an address), others a generic one.
    t = t.replace(/[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}/giu, (email) =>
      email.toLowerCase().endsWith('@example.com') ? email : from === 'customer' ? this.pseudonym(authorHandle).email : `customer.${hash(email).slice(0, 6)}@example.com`,
    );
    t = t.replace(/(?<![\w.])@(\w{1,15})/gu, (_m, handle: string) => this.mention(handle));
    for (const name of names) t = t.replace(new RegExp(`\\b${name}\\b`, 'gu'), first);
    t = t.replace(STATED_NAME, (_m, lead: string) => `${lead}${this.pseudonym(authorHandle).name.replace('.', '')}`);
    // Runs of 7+ digits (phone, order, account numbers): same shape, different digits.
    t = t.replace(/(?<![\w/.-])\+?\d[\d\s().-]{5,}\d(?![\w/])/gu, (run) => {
      if (run.replace(/\D/gu, '').length < 7) return run;
      const h = hash(`digits:${run}`);
      let i = 0;
      return run.replace(/\d/gu, () => String(Number.parseInt(h[i++ % h.length] ?? '0', 16) % 10));
    });
    return t.trim();
  }
}

// ── Labels ─────────────────────────────────────────────────────────────────────────────────────

const QUESTION_START = /^(?:(?:@\w+\s+)*)(?:hi|hello|hey)?[,!\s]*(?:how|can|could|why|what|where|when|is there|is it|does|do|will|would|which|who)\b/iu;
/** Escalations the classifier has no flag for: a security or fraud team takes these. */
const ESCALATION_RE = /\b(?:hack(?:ed|er|ers)?|compromised|fraud\w*|scam(?:med|mer|mers)?|stolen|identity theft|unauthori[sz]ed (?:charge|access|login|purchase|transaction)s?|someone (?:is |has been )?(?:logg(?:ed|ing) in|logging into|using my account))\b/iu;
const PROBLEM = /\b(?:help|issues?|problems?|errors?|still|can['’]?t|cannot|won['’]?t|doesn['’]?t|didn['’]?t|broken|not working|need to|refund|ashamed|support|dm me)\b/iu;
const SUGGESTION = /\b(?:please (?:make|add|bring)|you should|would be (?:great|nice|awesome)|it would be)\b/iu;
const EMAIL_OR_PHONE = /[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}|\b(?:phone|number|cell|mobile)\b[^.\n]{0,20}\+?\d[\d\s().-]{7,}\d/iu;

interface Labels {
  intent: Intent;
  flags: FlagName[];
  urgency: Urgency;
  escalation: boolean;
}

function label(text: string, extraFlags: readonly FlagName[] = []): Labels | undefined {
  const c = classifyPost({ text });
  if (!c.classified) return undefined;
  let intent = c.intent;
  const confidence = c.scores.intent[intent] ?? 0;
  // Hand rule: a post that opens like a question and that the model called "other" or "feedback" is a question.
  const asks = QUESTION_START.test(text) || /\?/u.test(text);
  if ((intent === 'other' || intent === 'feedback' || intent === 'praise') && asks) intent = 'question';
  // Hand rule: thanks or "feedback" around a problem ("need help", "still says") is not praise or feedback.
  else if ((intent === 'praise' || intent === 'feedback') && PROBLEM.test(text)) intent = intent === 'feedback' ? 'complaint' : 'other';
  else if (intent === 'praise' && SUGGESTION.test(text)) intent = 'feedback';
  else if (confidence < 0.5) return undefined;
  const flags = new Set<FlagName>(c.flags.map((f) => f.name));
  for (const f of extraFlags) flags.add(f);
  if (EMAIL_OR_PHONE.test(text)) flags.add('personal_data');
  const escalation = flags.has('legal') || flags.has('safety') || ESCALATION_RE.test(text);
  const urgency: Urgency = escalation || flags.has('personal_data') ? 'high' : c.urgency;
  return { intent, flags: FLAG_NAMES.filter((f) => flags.has(f)), urgency, escalation };
}

/** What a good reply does, from the labels (documented in docs/practice.md). */
function expectedMoves(l: Labels): FirstMove[] {
  const moves: FirstMove[] = [];
  const add = (...m: FirstMove[]) => {
    for (const x of m) if (!moves.includes(x)) moves.push(x);
  };
  const has = (f: FlagName) => l.flags.includes(f);
  const opener: FirstMove = l.intent === 'complaint' ? 'apologise' : l.intent === 'praise' || l.intent === 'feedback' ? 'thank' : 'acknowledge';
  if (l.escalation) {
    add(opener === 'thank' ? 'acknowledge' : opener, 'escalate', 'move_to_dm');
    return moves;
  }
  if (has('personal_data') || has('churn') || has('repeat_contact') || has('press')) {
    if (l.intent === 'question' && !has('churn') && !has('repeat_contact') && !has('press')) add('move_to_dm');
    else add(opener === 'thank' ? 'acknowledge' : opener, 'move_to_dm');
    return moves;
  }
  switch (l.intent) {
    case 'complaint':
      add(has('abuse') ? 'acknowledge' : 'apologise', 'answer');
      break;
    case 'question':
    case 'other':
      add('answer');
      break;
    case 'praise':
      add('thank');
      break;
    case 'feedback':
      add('thank', 'acknowledge');
      break;
  }
  return moves;
}

function difficultyOf(l: Labels, text: string, conversation: readonly ConversationTurn[]): Difficulty {
  let points = 0;
  if (l.escalation) points += 2;
  points += l.flags.filter((f) => f !== 'repeat_contact').length;
  if (l.flags.includes('repeat_contact')) points += 1;
  if (conversation.length > 0) points += 1;
  if (text.length > 200) points += 1;
  if (l.intent === 'other') points += 1;
  return points === 0 ? 'easy' : points <= 2 ? 'medium' : 'hard';
}

/** The post's age when it reaches the trainee: a share of its target, larger when harder. */
function postedMinutesAgo(id: string, difficulty: Difficulty, urgency: Urgency): number {
  const targetMin = targetFor(DEFAULT_SLA_SETTINGS, 'x', urgency) / 60;
  const [lo, hi] = difficulty === 'easy' ? [0.02, 0.15] : difficulty === 'medium' ? [0.1, 0.35] : [0.3, 0.6];
  return Math.max(1, Math.round(targetMin * (lo + (hi - lo) * hashUnit(`age:${id}`))));
}

// ── Candidates from the real conversations ─────────────────────────────────────────────────────

interface Candidate {
  scenario: Scenario;
  bucket: string;
}

/** Read by hand: the rules gave these posts a wrong label, so they are left out (the reason says which). */
const EXCLUDED: Record<string, string> = {
  'ibm-29GuYuVnHKnyBF531Aic-1': 'safety from "if I recall"; a billing question',
  'ibm-XKKUulYPR58UqgIZSOxF-1': 'safety from "fire tv"',
  'ibm-62X4DUBjx1ojq9Ahzlhe-1': 'personal data from a Windows build number',
  'ibm-V4kxaWziRnBQ1PNFPmzB-1': 'escalation from "a hack" meaning a workaround',
  'ibm-v520MajpcrNBSmruSdbS-1': 'escalation from "hacker", a game item',
  'ibm-nFpKxSpjFFQRSqUPi5zD-1': 'personal data from a spare-part number',
  'ibm-50x0SPLV4BSqVsIFQY5h-1': 'churn from switching PC to iPhone within the game',
  'ibm-j5pWXX19jPeAywLMd6W4-1': 'safety from "dangerous" about dropped calls (debatable)',
  'ibm-MtoRWYnP5quEDWegHy2u-1': 'safety from "medical", press from "viral crisis"',
  'ibm-W2X7sTBUtsaqhEzl6R6b-1': 'repeat contact from "ready to go again"',
  'ibm-3efHTyIt2nAfrhOsXVcM-1': 'a hacked account read as a question, and abuse from swearing at the hacker',
  'ibm-F94l98ipFXJaBTM2eaSA-1': 'a complaint about resellers read as a question from "are we?"',
  'ibm-NNOE2VUtbc7l1hDdCerh-1': 'a complaint with churn ("I may be done with @Adobe") read as other',
  'ibm-rhQWVxDlTisZCxoVpAv9-1': 'a report of a game reward read as a question',
  'ibm-t9GLWL6YY5MwQagMeJ6G-1': 'a plain question ("where do I go … to order new checks?") read as a complaint by careline-linear-4',
  'ibm-1H0hk0usoD1Snawgyx71-1': 'a frustrated complaint ("How is it possible … aren\'t accepting deposits?!?!") read as a question',
  'ibm-76L6mNY3DPDW2oJMSb8v-1': 'a complaint about Dropbox Paper read as other',
  'ibm-ECpssJfzGpNcznuLum7L-1': 'a complaint ("My google app keeps crashing!") read as other',
  'ibm-JK25EXoHYymgUT5C7pA0-1': 'a crash report told with annoyance read as other',
  'ibm-JrZF6f2pppkQQIz48yhq-1': 'a safeguarding report about a person read as other',
  'ibm-ovxQW8pguM0eX1VSj180-2': 'another user\'s advice, not a customer\'s question',
  'ibm-rFrbuKhvcFNK9cWOZtjX-1': 'a complaint about paid next-day shipping read as feedback',
  'ibm-TdjkgroIJLnuBCRJPayr-3': 'a complaint about missing purchases read as other',
  'ibm-wWaW20qBSAQuY2Ms5dj8-1': 'a complaint about being cut off in chat read as a question',
  'ibm-YXUx18mAASBYk9KenEia-1': 'a sworn complaint about an iPod transfer read as other',
  'ibm-ZZldrGo4mOL4lHnhrSRC-1': 'a complaint with churn ("bout done with y\'all") read as other',
  'ibm-2VxqMFtVtyK1cbqoz5K0-1': 'a locked-out account ("haven\'t been able to get in") read as other by careline-linear-4+46e0135c',
  'ibm-gZ9Kn9cqXVq5Tn7IME9F-1': 'a bug report ("any chance you can fix your LR iPad app") read as other',
  'ibm-MzYX7OIYK5toe8ngZzPk-1': 'a hypothetical question about a refund read as a complaint by careline-linear-5',
};

const FLAG_PRIORITY: FlagName[] = ['legal', 'safety', 'personal_data', 'press', 'churn', 'abuse', 'repeat_contact'];
const MAX_POST = 500;
const MAX_TURNS = 4;

function bucketOf(l: Labels): string {
  const flag = FLAG_PRIORITY.find((f) => l.flags.includes(f));
  if (flag) return `flag:${flag}`;
  if (l.escalation) return 'escalation';
  return `intent:${l.intent}`;
}

function meaningfulLength(text: string): number {
  return text.replace(/@\w+|https?:\/\/\S+|\blink\b/gu, '').replace(/\s+/gu, ' ').trim().length;
}

function buildScenario(
  id: string,
  brand: string,
  customer: Pick<Pseudonym, 'name' | 'handle'>,
  text: string,
  conversation: ConversationTurn[],
  l: Labels,
  brandReply: string | undefined,
  source: Scenario['source'],
): Scenario {
  const difficulty = difficultyOf(l, text, conversation);
  return {
    id,
    brand,
    channel: 'x',
    customer: { name: customer.name, handle: customer.handle },
    text,
    conversation,
    postedMinutesAgo: postedMinutesAgo(id, difficulty, l.urgency),
    difficulty,
    expected: { intent: l.intent, flags: l.flags, urgency: l.urgency, firstMoves: expectedMoves(l) },
    ...(brandReply ? { brandReply } : {}),
    source,
  };
}

function realCandidates(conversations: RawConversation[], anon: Anonymiser): Candidate[] {
  const out: Candidate[] = [];
  for (const c of conversations) {
    const brand = c.dialogHeader.company;
    const turns = turnsOf(c);
    const names = greetedNames(turns.filter((t) => t.from === 'brand').map((t) => t.text));
    if (turns.length > MAX_TURNS + 2) continue;
    // Each customer message answered by the brand's next message is a candidate post: the first
    // one a scenario with no brand turn before it, later ones scenarios with the thread so far.
    for (let i = 0; i < turns.length - 1; i++) {
      const post = turns[i];
      const reply = turns[i + 1];
      if (!post || !reply || post.from !== 'customer' || reply.from !== 'brand') continue;
      const author = post.handle;
      if (!author || meaningfulLength(post.text) < 25 || post.text.length > MAX_POST) continue;
      const id = `ibm-${c.dialogHeader.sessionID}-${i + 1}`;
      if (EXCLUDED[id]) continue;
      const text = anon.text(post.text, 'customer', author, names);
      const conversation: ConversationTurn[] = turns
        .slice(0, i)
        .map((t) => ({ from: t.from, text: anon.text(t.text, t.from, t.from === 'customer' ? t.handle : author, names) }));
      const l = label(text);
      if (!l) continue;
      const brandReply = anon.text(reply.text, 'brand', author, names);
      const scenario = buildScenario(id, brand, anon.pseudonym(author), text, conversation, l, brandReply, { dataset: DATASET, conversationId: c.dialogHeader.sessionID });
      out.push({ scenario, bucket: bucketOf(l) });
    }
  }
  return out;
}

// ── Synthetic variants (marked) ────────────────────────────────────────────────────────────────

interface Variant {
  flag: FlagName | 'escalation';
  /** Appended to a real complaint. */
  sentences: string[];
  /** Only for these brands (the sentence must make sense for the product). */
  brands?: readonly string[];
  note: string;
}

const HARDWARE = ['HPSupport', 'AppleSupport', 'AskPlayStation', 'XboxSupport', 'Google', 'TMobileHelp'];
const SUBSCRIPTIONS = ['SpotifyCares', 'hulu_support', 'AdobeCare', 'zoom_us', 'DropboxSupport', 'YahooCare', 'Ask_Spectrum', 'TMobileHelp', 'AskPlayStation', 'XboxSupport'];

const VARIANTS: Variant[] = [
  { flag: 'personal_data', sentences: ['My order number is 114-3382095-7716220, please check it.', 'Call me on 555-0142-887 to sort it out.', 'You can reach me at {email} about this.', 'My account number is 4417 2290 1835, fix it.'], note: 'Real post with a fictional order, phone, email or account number appended (personal data in public).' },
  { flag: 'legal', sentences: ['If this is not sorted by Friday I am taking it to small claims court.', 'I have already spoken to my lawyer about this.', 'I will be filing a complaint with the FTC.'], note: 'Real complaint with a fictional legal threat appended.' },
  { flag: 'safety', sentences: ['The charger got so hot it burned my hand.', 'The battery is swelling and there was smoke coming out of it.', 'It sparked when I plugged it in, this is dangerous.'], brands: HARDWARE, note: 'Real complaint about a device with a fictional safety problem appended.' },
  { flag: 'churn', sentences: ['Honestly about to cancel my subscription over this.', 'If this is not fixed I am switching to another provider.', 'Seriously thinking about closing my account.'], brands: SUBSCRIPTIONS, note: 'Real complaint with a fictional threat to leave appended.' },
  { flag: 'press', sentences: ['Posting this so everyone sees it, please RT.', 'Going to leave a one-star review on Trustpilot if nothing changes.', 'Tagging the BBC news desk, people should know about this.'], note: 'Real complaint with a fictional call to spread it appended.' },
  { flag: 'escalation', sentences: ['I think my account has been hacked, someone changed my email.', 'There are unauthorized charges on my card from you.'], note: 'Real complaint with a fictional account-compromise or fraud report appended.' },
];

// Whole posts written for the pack, for intents real care threads barely hold (praise, feedback).
const WRITTEN: Array<{ brand: string; intent: 'praise' | 'feedback'; text: string }> = [
  { brand: 'SpotifyCares', intent: 'praise', text: '@SpotifyCares just wanted to say thanks, your team sorted my family plan in ten minutes yesterday. Brilliant service!' },
  { brand: 'AppleSupport', intent: 'praise', text: '@AppleSupport huge thanks to the advisor who walked me through restoring my iPad tonight. Patient and so helpful.' },
  { brand: 'DropboxSupport', intent: 'praise', text: '@DropboxSupport you lot are great, got all my lost files back from version history. Thank you!' },
  { brand: 'AdobeCare', intent: 'praise', text: '@AdobeCare the chat agent fixed my licence issue in minutes. Really appreciate it, back to editing!' },
  { brand: 'zoom_us', intent: 'praise', text: '@zoom_us my grandma joined her first video call today and loved it. Thanks for making it so easy.' },
  { brand: 'AskPlayStation', intent: 'praise', text: '@AskPlayStation shoutout to your support team, refund came through fast and the agent was lovely. 10/10' },
  { brand: 'SouthwestAir', intent: 'praise', text: '@SouthwestAir crew on my flight this morning were fantastic with my nervous kid. Thank you all!' },
  { brand: 'AskeBay', intent: 'praise', text: '@AskeBay thank you for stepping in on my dispute, got my money back today. Great job.' },
  { brand: 'SpotifyCares', intent: 'feedback', text: '@SpotifyCares would love a way to sort my liked songs by date added on mobile. Small thing but it would help a lot.' },
  { brand: 'zoom_us', intent: 'feedback', text: '@zoom_us suggestion: let hosts save breakout room setups for the next meeting. Would save teachers so much time.' },
  { brand: 'hulu_support', intent: 'feedback', text: '@hulu_support it would be great if the app remembered my subtitle settings between shows.' },
  { brand: 'DropboxSupport', intent: 'feedback', text: '@DropboxSupport feature idea: a dark mode for the desktop app. My eyes would thank you.' },
  { brand: 'Google', intent: 'feedback', text: '@Google an option to pause the search history for a set time would be a nice addition to the privacy settings.' },
  { brand: 'AdobeCare', intent: 'feedback', text: '@AdobeCare the new export panel is nice but please bring back the old preset list, it was quicker for me.' },
  { brand: 'MojangSupport', intent: 'feedback', text: '@MojangSupport feedback from a parent: a simpler way to link a child account to the family would be really welcome.' },
  { brand: 'YahooCare', intent: 'feedback', text: '@YahooCare suggestion for Yahoo Mail: let us snooze an email until a chosen date. Use it all the time elsewhere.' },
];

function syntheticCandidates(real: readonly Candidate[], anon: Anonymiser): Candidate[] {
  const out: Candidate[] = [];
  // Base posts: real, single-message complaints without flags, ordered by hash.
  const bases = real
    .filter((c) => c.bucket === 'intent:complaint' && c.scenario.conversation.length === 0 && c.scenario.text.length < 220)
    .sort((a, b) => hash(`base:${a.scenario.id}`).localeCompare(hash(`base:${b.scenario.id}`)));
  const used = new Set<string>();
  for (const variant of VARIANTS) {
    let made = 0;
    for (const base of bases) {
      if (made >= 8) break;
      if (used.has(base.scenario.id)) continue;
      if (variant.brands && !variant.brands.includes(base.scenario.brand)) continue;
      used.add(base.scenario.id);
      const sentence = (variant.sentences[made % variant.sentences.length] ?? '').replace(
        '{email}',
        `${base.scenario.customer.handle.replace(/_/gu, '.')}@example.com`,
      );
      const text = `${base.scenario.text.replace(/\s+$/u, '')}${/[.!?]$/u.test(base.scenario.text.trim()) ? '' : '.'} ${sentence}`;
      const extra: FlagName[] = variant.flag === 'escalation' ? [] : [variant.flag];
      const l = label(text, extra);
      if (!l) continue;
      if (variant.flag === 'escalation') {
        l.escalation = true;
        l.urgency = 'high';
      }
      const id = `syn-${base.scenario.source.conversationId}-${variant.flag.replace('_', '-')}`;
      const scenario = buildScenario(id, base.scenario.brand, base.scenario.customer, text, [], l, undefined, {
        dataset: 'synthetic',
        conversationId: base.scenario.source.conversationId,
        note: `${variant.note} Appended: “${sentence}”`,
      });
      out.push({ scenario, bucket: bucketOf(l) });
      made++;
    }
  }
  WRITTEN.forEach((w, i) => {
    const customer = anon.pseudonym(`written-${i}`);
    const base = label(w.text) ?? { intent: w.intent, flags: [], urgency: 'low' as Urgency, escalation: false };
    const l: Labels = { ...base, intent: w.intent };
    const id = `syn-written-${w.intent}-${i + 1}`;
    const scenario = buildScenario(id, w.brand, customer, w.text, [], l, undefined, {
      dataset: 'synthetic',
      conversationId: `written-${i + 1}`,
      note: `Written for Careline’s pack (${w.intent}); not a real post. The intent is set by hand.`,
    });
    out.push({ scenario, bucket: `intent:${w.intent}` });
  });
  return out;
}

// ── Selection ──────────────────────────────────────────────────────────────────────────────────

/** How many to take per bucket (all of a bucket when it has fewer). */
const QUOTAS: Record<string, number> = {
  'intent:complaint': 70,
  'intent:question': 55,
  'intent:other': 25,
  'intent:praise': 20,
  'intent:feedback': 20,
  escalation: 14,
  'flag:legal': 10,
  'flag:safety': 10,
  'flag:personal_data': 20,
  'flag:press': 10,
  'flag:churn': 12,
  'flag:abuse': 14,
  'flag:repeat_contact': 25,
};

/** Round-robin over brands, each brand's posts in hash order, so no brand dominates a bucket. */
function pick(cands: readonly Candidate[], quota: number): Candidate[] {
  const byBrand = new Map<string, Candidate[]>();
  for (const c of [...cands].sort((a, b) => hash(`pick:${a.scenario.id}`).localeCompare(hash(`pick:${b.scenario.id}`)))) {
    const list = byBrand.get(c.scenario.brand) ?? [];
    list.push(c);
    byBrand.set(c.scenario.brand, list);
  }
  const brands = [...byBrand.keys()].sort();
  const out: Candidate[] = [];
  const usedConversations = new Set<string>();
  for (let round = 0; out.length < quota; round++) {
    let any = false;
    for (const brand of brands) {
      const c = byBrand.get(brand)?.[round];
      if (!c) continue;
      any = true;
      const conv = `${c.scenario.source.dataset}:${c.scenario.source.conversationId}`;
      if (usedConversations.has(conv)) continue;
      usedConversations.add(conv);
      out.push(c);
      if (out.length >= quota) break;
    }
    if (!any) break;
  }
  return out;
}

function main(): void {
  const conversations = load();
  const brands = new Set(conversations.map((c) => c.dialogHeader.company.toLowerCase()));
  const persons = new Set<string>();
  const mentionedIn = new Map<string, Set<string>>();
  for (const c of conversations) {
    for (const m of c.dialogContent) {
      for (const h of [m.client, m.client1]) if (h) persons.add(h.toLowerCase());
      for (const [, h] of m.message.matchAll(/(?<![\w.])@(\w{1,15})/gu)) {
        const set = mentionedIn.get(h!.toLowerCase()) ?? new Set<string>();
        set.add(c.dialogHeader.sessionID);
        mentionedIn.set(h!.toLowerCase(), set);
      }
    }
  }
  // Kept as written: the 25 brands, accounts mentioned in 3+ conversations, and accounts whose
  // handle names one of the brands or their products (@Tmobile, @AdobePremiere); customers and
  // everyone else are treated as people.
  const keep = new Set<string>([
    ...brands,
    ...[...mentionedIn].filter(([h, s]) => s.size >= 3 || BRAND_TOKENS.test(h)).map(([h]) => h),
  ]);
  const anon = new Anonymiser(keep, persons);

  const real = realCandidates(conversations, anon);
  const synthetic = syntheticCandidates(real, anon);
  const all = [...real, ...synthetic];
  const buckets = new Map<string, Candidate[]>();
  for (const c of all) buckets.set(c.bucket, [...(buckets.get(c.bucket) ?? []), c]);
  const chosen: Scenario[] = [];
  for (const [bucket, quota] of Object.entries(QUOTAS)) {
    const cands = buckets.get(bucket) ?? [];
    // Real scenarios first; synthetic ones only fill what the real data lacks.
    const realOnes = pick(cands.filter((c) => c.scenario.source.dataset === DATASET), quota);
    const fill = pick(cands.filter((c) => c.scenario.source.dataset !== DATASET), quota - realOnes.length);
    chosen.push(...[...realOnes, ...fill].map((c) => c.scenario));
  }
  chosen.sort((a, b) => a.id.localeCompare(b.id));

  const json = serializeScenarioPack(chosen, { name: 'Careline built-in practice pack (IBM Twitter customer care, Apache-2.0)' });
  const parsed = parseScenarioPack(json);
  if (!parsed.ok) throw new Error(`The built pack does not validate:\n${parsed.errors.join('\n')}`);
  const bytes = Buffer.byteLength(json);
  if (bytes > MAX_BYTES) throw new Error(`The pack is ${bytes} bytes, over the ${MAX_BYTES} budget: lower the quotas.`);

  const count = (f: (s: Scenario) => string[]) => {
    const m: Record<string, number> = {};
    for (const s of chosen) for (const k of f(s)) m[k] = (m[k] ?? 0) + 1;
    return m;
  };
  console.error(`${chosen.length} scenarios, ${(bytes / 1024).toFixed(0)} KB (from ${real.length} real and ${synthetic.length} synthetic candidates)`);
  console.error('intent', count((s) => [s.expected.intent]));
  console.error('flags', count((s) => s.expected.flags));
  console.error('escalations', chosen.filter((s) => s.expected.firstMoves.includes('escalate')).length);
  console.error('difficulty', count((s) => [s.difficulty]));
  console.error('source', count((s) => [s.source.dataset]));
  console.error('brands', Object.keys(count((s) => [s.brand])).length);
  for (const intent of INTENTS) if (!chosen.some((s) => s.expected.intent === intent)) throw new Error(`No scenario for intent ${intent}.`);
  for (const flag of FLAG_NAMES) if (!chosen.some((s) => s.expected.flags.includes(flag))) throw new Error(`No scenario for flag ${flag}.`);

  if (check) {
    const current = existsSync(OUT) ? readFileSync(OUT, 'utf8') : '';
    if (current !== json) {
      console.error('data/practice/scenarios.json differs from what the dataset gives: run npx tsx scripts/build-scenarios.ts.');
      process.exit(1);
    }
    console.error('scenarios.json is up to date (byte for byte)');
    return;
  }
  writeFileSync(OUT, json);
  console.error(`wrote ${OUT}`);
}

main();
