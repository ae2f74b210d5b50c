/**
 * The default pack: replies a care team can use on day one, for every intent on X and Facebook,
 * plus holding replies for flagged posts (legal, safety, personal data, press, abuse), repeat
 * contacts and customers about to leave. X replies are short and signed ^{{agent.initials}};
 * Facebook replies are a little warmer and signed with the agent's name.
 */
import { PACK_FORMAT, PACK_VERSION, TemplateSchema, type Template, type TemplateInput, type TemplatePack } from './schema.ts';

const X_SIGN = '^{{agent.initials}}';
const FB_SIGN = '{{agent.name | agent.initials}}';
const HI = 'Hi {{customer.firstName | "there"}}';

type Entry = Omit<TemplateInput, 'schemaVersion' | 'language' | 'builtIn'>;

const ENTRIES: Entry[] = [
  // ---------------------------------------------------------------- complaints
  {
    id: 'default.complaint.ack.x',
    name: 'Acknowledge a complaint',
    bodies: {
      x: `${HI}, sorry to hear this. That's not the experience we want for you. We're looking into it now and will come back to you here. ${X_SIGN}`,
    },
    intents: ['complaint'],
    sentiments: ['negative'],
    tones: ['empathetic', 'apologetic'],
    tags: ['acknowledge', 'first response'],
    shortcut: 'sorry',
  },
  {
    id: 'default.complaint.ack.facebook',
    name: 'Acknowledge a complaint',
    bodies: {
      facebook: `${HI},\n\nI'm sorry to hear about this. It isn't the experience we want anyone to have with {{brand.name | "us"}}. I've passed the details to the team and we're looking into it now. I'll update you here as soon as I know more.\n\n${FB_SIGN}`,
    },
    intents: ['complaint'],
    sentiments: ['negative'],
    tones: ['empathetic', 'apologetic'],
    tags: ['acknowledge', 'first response'],
    shortcut: 'sorry-fb',
  },
  {
    id: 'default.complaint.no-fix-yet',
    name: 'Acknowledge, no fix yet (update by a date)',
    bodies: {
      x: `We hear you, and we're sorry. We don't have a fix for this yet, but it's with the right team and we'll update you here by {{blank.updateBy}}. ${X_SIGN}`,
      facebook: `${HI}, we hear you and we're sorry. We don't have a fix for this yet, but it's with the right team and they're working on it. We'll update you here by {{blank.updateBy}} at the latest, sooner if we can.\n\n${FB_SIGN}`,
    },
    intents: ['complaint'],
    sentiments: ['negative', 'neutral'],
    tones: ['empathetic', 'apologetic'],
    tags: ['acknowledge', 'holding', 'no fix yet'],
    blanks: [{ key: 'updateBy', label: 'Update by', kind: 'date', required: true }],
  },
  {
    id: 'default.complaint.dm-permission.x',
    name: 'Ask permission to move to DM',
    bodies: {
      x: `Sorry about this, we'd like to get it sorted for you. Is it OK if we continue in DM? We'll need a few account details we'd rather not ask for in public. ${X_SIGN}`,
    },
    intents: ['complaint', 'question'],
    sentiments: ['negative', 'neutral'],
    tones: ['empathetic', 'informative'],
    tags: ['dm', 'private', 'account'],
    shortcut: 'dm',
  },
  {
    id: 'default.complaint.dm-permission.facebook',
    name: 'Ask permission to move to a private message',
    bodies: {
      facebook: `${HI}, I'm sorry about this and I'd like to get it sorted for you. Would it be OK to continue in a private message? We'll need a few account details, and those are better not shared in a public comment.\n\n${FB_SIGN}`,
    },
    intents: ['complaint', 'question'],
    sentiments: ['negative', 'neutral'],
    tones: ['empathetic', 'informative'],
    tags: ['dm', 'private', 'messenger', 'account'],
    shortcut: 'pm',
  },
  {
    id: 'default.complaint.delay.x',
    name: 'Delay: apologise and give the latest update',
    bodies: {
      x: `Sorry this is taking longer than it should. The latest we have: {{blank.update}}. We're keeping an eye on it for you. ${X_SIGN}`,
    },
    intents: ['complaint'],
    sentiments: ['negative'],
    tones: ['apologetic', 'informative'],
    tags: ['delay', 'order', 'delivery', 'update'],
    blanks: [{ key: 'update', label: 'Latest update', kind: 'text', required: true, hint: 'e.g. your parcel left our warehouse this morning' }],
  },
  {
    id: 'default.complaint.delay.facebook',
    name: 'Delay: apologise and give the latest update',
    bodies: {
      facebook: `${HI}, I'm sorry this is taking longer than it should, and thank you for your patience. Here's the latest: {{blank.update}}.\n\nYour reference is {{case.reference | "on its way to you by private message"}}. We'll keep an eye on it and update you here.\n\n${FB_SIGN}`,
    },
    intents: ['complaint'],
    sentiments: ['negative'],
    tones: ['apologetic', 'informative'],
    tags: ['delay', 'order', 'delivery', 'update'],
    blanks: [{ key: 'update', label: 'Latest update', kind: 'text', required: true }],
  },
  {
    id: 'default.complaint.outage.x',
    name: 'Known issue, being fixed',
    bodies: {
      x: `Thanks for flagging this, and sorry for the disruption. We know about the issue with {{blank.service}} and the team is working on a fix. We'll post updates here. ${X_SIGN}`,
    },
    intents: ['complaint', 'question'],
    sentiments: ['negative', 'neutral'],
    tones: ['apologetic', 'informative'],
    tags: ['outage', 'incident', 'known issue'],
    blanks: [{ key: 'service', label: 'What is affected', kind: 'text', required: true, hint: 'e.g. the app login' }],
  },
  {
    id: 'default.complaint.outage.facebook',
    name: 'Known issue, being fixed',
    bodies: {
      facebook: `${HI}, thank you for letting us know, and I'm sorry for the disruption. We're aware of a problem with {{blank.service}} and our team is working on a fix right now. We'll post an update on this page as soon as it's resolved.\n\n${FB_SIGN}`,
    },
    intents: ['complaint', 'question'],
    sentiments: ['negative', 'neutral'],
    tones: ['apologetic', 'informative'],
    tags: ['outage', 'incident', 'known issue'],
    blanks: [{ key: 'service', label: 'What is affected', kind: 'text', required: true }],
  },
  {
    id: 'default.complaint.repeat-contact.x',
    name: 'Repeat contact: apologise and take ownership',
    bodies: {
      x: `Sorry you've had to get in touch again about this. You shouldn't have to chase us. I'll look after it myself from here: could you DM us so we can pick it up? ${X_SIGN}`,
    },
    intents: ['complaint'],
    sentiments: ['negative'],
    flags: ['repeat_contact'],
    tones: ['apologetic', 'empathetic'],
    tags: ['repeat', 'chasing', 'ownership'],
  },
  {
    id: 'default.complaint.repeat-contact.facebook',
    name: 'Repeat contact: apologise and take ownership',
    bodies: {
      facebook: `${HI}, I'm sorry you've had to contact us again about this. You shouldn't have to chase us. I'll look after it personally from here. Could you send us a private message so I can pick it up and see it through?\n\n${FB_SIGN}`,
    },
    intents: ['complaint'],
    sentiments: ['negative'],
    flags: ['repeat_contact'],
    tones: ['apologetic', 'empathetic'],
    tags: ['repeat', 'chasing', 'ownership'],
  },
  {
    id: 'default.complaint.churn.x',
    name: 'Customer thinking of leaving',
    bodies: {
      x: `We'd be sorry to see you go, and we understand why you're frustrated. Before you decide, could you DM us? We'd like the chance to put this right. ${X_SIGN}`,
    },
    intents: ['complaint', 'feedback'],
    sentiments: ['negative'],
    flags: ['churn'],
    tones: ['empathetic', 'apologetic'],
    tags: ['churn', 'cancel', 'retention'],
  },
  {
    id: 'default.complaint.churn.facebook',
    name: 'Customer thinking of leaving',
    bodies: {
      facebook: `${HI}, we'd be sorry to see you go, and I understand why you're frustrated. Before you decide, would you send us a private message? I'd like the chance to look at what went wrong and put it right for you.\n\n${FB_SIGN}`,
    },
    intents: ['complaint', 'feedback'],
    sentiments: ['negative'],
    flags: ['churn'],
    tones: ['empathetic', 'apologetic'],
    tags: ['churn', 'cancel', 'retention'],
  },
  {
    id: 'default.complaint.slow-reply',
    name: 'Sorry for our slow reply',
    bodies: {
      any: `Sorry for the slow reply, and thanks for bearing with us. We're on it now. ${X_SIGN}`,
      facebook: `${HI}, I'm sorry it took us a while to reply, and thank you for bearing with us. I'm looking at this now and will come back to you shortly.\n\n${FB_SIGN}`,
    },
    intents: ['complaint', 'question'],
    sentiments: [],
    tones: ['apologetic'],
    tags: ['late', 'slow', 'wait'],
  },
  {
    id: 'default.complaint.resolved',
    name: 'Issue resolved',
    bodies: {
      x: `Good news: {{blank.resolution}}. Thanks for your patience while we sorted it. Anything else, just let us know. ${X_SIGN}`,
      facebook: `${HI}, good news: {{blank.resolution}}. Thank you for your patience while we sorted this out. If there's anything else we can do, just reply here.\n\n${FB_SIGN}`,
    },
    intents: ['complaint', 'question', 'other'],
    sentiments: [],
    tones: ['grateful', 'informative'],
    tags: ['resolved', 'fixed', 'follow-up'],
    blanks: [{ key: 'resolution', label: 'What was done', kind: 'text', required: true, hint: 'e.g. your refund went through today' }],
  },
  {
    id: 'default.complaint.reference',
    name: 'Share the case reference',
    bodies: {
      any: `Thanks for bearing with us. We've logged this under reference {{case.reference}}: keep it handy, and anyone on the team can pick it up straight away. ${X_SIGN}`,
      facebook: `${HI}, thank you for bearing with us. We've logged this under reference {{case.reference}}. Please keep it handy: it lets anyone on our team pick up where we left off.\n\n${FB_SIGN}`,
    },
    intents: ['complaint', 'question'],
    sentiments: [],
    tones: ['informative', 'formal'],
    tags: ['reference', 'case', 'ticket'],
  },

  // ---------------------------------------------------------------- questions
  {
    id: 'default.question.answer.x',
    name: 'Answer a question',
    bodies: {
      x: `${HI}, good question! {{blank.answer}} Hope that helps, and shout if you need anything else. ${X_SIGN}`,
    },
    intents: ['question'],
    sentiments: ['neutral', 'positive'],
    tones: ['informative', 'casual'],
    tags: ['answer', 'faq'],
    shortcut: 'answer',
    blanks: [{ key: 'answer', label: 'Answer', kind: 'text', required: true }],
  },
  {
    id: 'default.question.answer.facebook',
    name: 'Answer a question',
    bodies: {
      facebook: `${HI}, thanks for asking! {{blank.answer}}\n\nI hope that helps. If you have any other questions, just reply here.\n\n${FB_SIGN}`,
    },
    intents: ['question'],
    sentiments: ['neutral', 'positive'],
    tones: ['informative'],
    tags: ['answer', 'faq'],
    blanks: [{ key: 'answer', label: 'Answer', kind: 'text', required: true }],
  },
  {
    id: 'default.question.checking.x',
    name: "Checking, we'll come back to you",
    bodies: {
      x: `Thanks for asking! We're checking this with the team and will reply here within {{blank.within}}. ${X_SIGN}`,
    },
    intents: ['question'],
    sentiments: [],
    tones: ['informative', 'casual'],
    tags: ['holding', 'checking'],
    blanks: [{ key: 'within', label: 'Reply within', kind: 'choice', options: ['the hour', 'a few hours', 'the day', '24 hours'], required: true }],
  },
  {
    id: 'default.question.checking.facebook',
    name: "Checking, we'll come back to you",
    bodies: {
      facebook: `${HI}, thank you for your question. I'm checking this with the right team so I can give you an accurate answer, and I'll reply here within {{blank.within}}.\n\n${FB_SIGN}`,
    },
    intents: ['question'],
    sentiments: [],
    tones: ['informative', 'formal'],
    tags: ['holding', 'checking'],
    blanks: [{ key: 'within', label: 'Reply within', kind: 'choice', options: ['the hour', 'a few hours', 'the day', '24 hours'], required: true }],
  },
  {
    id: 'default.question.help-link.x',
    name: 'Point to a help article',
    bodies: {
      x: `${HI}, you'll find the steps here: {{blank.link}} If anything's unclear, reply and we'll walk you through it. ${X_SIGN}`,
    },
    intents: ['question'],
    sentiments: [],
    tones: ['informative'],
    tags: ['link', 'help centre', 'faq', 'how to'],
    shortcut: 'link',
    blanks: [{ key: 'link', label: 'Help article link', kind: 'text', required: true }],
  },
  {
    id: 'default.question.help-link.facebook',
    name: 'Point to a help article',
    bodies: {
      facebook: `${HI}, thanks for getting in touch. You'll find step-by-step instructions here: {{blank.link}}\n\nIf anything is unclear, reply to this comment and we'll walk you through it.\n\n${FB_SIGN}`,
    },
    intents: ['question'],
    sentiments: [],
    tones: ['informative'],
    tags: ['link', 'help centre', 'faq', 'how to'],
    blanks: [{ key: 'link', label: 'Help article link', kind: 'text', required: true }],
  },
  {
    id: 'default.question.account-dm.x',
    name: 'Account question: details by DM',
    bodies: {
      x: `Happy to help with that! As it's about your account, could you DM us your {{blank.detail}}? Please don't share it here. ${X_SIGN}`,
    },
    intents: ['question', 'complaint'],
    sentiments: [],
    tones: ['informative', 'casual'],
    tags: ['dm', 'account', 'order'],
    blanks: [
      { key: 'detail', label: 'Detail to ask for', kind: 'choice', options: ['order number', 'booking reference', 'account email address', 'postcode'], required: true },
    ],
  },
  {
    id: 'default.question.account-dm.facebook',
    name: 'Account question: details by private message',
    bodies: {
      facebook: `${HI}, happy to help with that. As it's about your account, could you send us your {{blank.detail}} in a private message? Please don't post it in the comments.\n\n${FB_SIGN}`,
    },
    intents: ['question', 'complaint'],
    sentiments: [],
    tones: ['informative'],
    tags: ['dm', 'account', 'order', 'messenger'],
    blanks: [
      { key: 'detail', label: 'Detail to ask for', kind: 'choice', options: ['order number', 'booking reference', 'account email address', 'postcode'], required: true },
    ],
  },

  // ---------------------------------------------------------------- praise
  {
    id: 'default.praise.thanks.x',
    name: 'Thank for praise',
    bodies: {
      x: `Thank you so much for the kind words, {{customer.firstName | "friend"}}! We'll share this with the team. ${X_SIGN}`,
    },
    intents: ['praise'],
    sentiments: ['positive'],
    tones: ['grateful', 'casual'],
    tags: ['thanks', 'praise'],
    shortcut: 'thanks',
  },
  {
    id: 'default.praise.thanks-short.x',
    name: 'Quick thanks',
    bodies: {
      x: `This made our day, thank you! 💙 ${X_SIGN}`,
    },
    intents: ['praise'],
    sentiments: ['positive'],
    tones: ['grateful', 'casual'],
    tags: ['thanks', 'praise', 'short'],
  },
  {
    id: 'default.praise.thanks.facebook',
    name: 'Thank for praise',
    bodies: {
      facebook: `${HI}, thank you so much for taking the time to share this! It means a lot to all of us at {{brand.name | "the team"}}, and I'll make sure the team sees it.\n\n${FB_SIGN}`,
    },
    intents: ['praise'],
    sentiments: ['positive'],
    tones: ['grateful'],
    tags: ['thanks', 'praise'],
    shortcut: 'thanks-fb',
  },
  {
    id: 'default.praise.colleague.x',
    name: 'Pass praise on to a colleague',
    bodies: {
      x: `Thank you! We'll make sure {{blank.colleague}} hears this. It'll make their day. ${X_SIGN}`,
    },
    intents: ['praise'],
    sentiments: ['positive'],
    tones: ['grateful', 'casual'],
    tags: ['thanks', 'staff', 'shout-out'],
    blanks: [{ key: 'colleague', label: 'Who was praised', kind: 'text', required: true, hint: 'e.g. Sam at our Leeds store' }],
  },
  {
    id: 'default.praise.colleague.facebook',
    name: 'Pass praise on to a colleague',
    bodies: {
      facebook: `${HI}, thank you for letting us know! We'll make sure {{blank.colleague}} hears about this. It's lovely to hear when someone goes the extra mile.\n\n${FB_SIGN}`,
    },
    intents: ['praise'],
    sentiments: ['positive'],
    tones: ['grateful'],
    tags: ['thanks', 'staff', 'shout-out'],
    blanks: [{ key: 'colleague', label: 'Who was praised', kind: 'text', required: true }],
  },

  // ---------------------------------------------------------------- feedback
  {
    id: 'default.feedback.suggestion.x',
    name: 'Thanks for a suggestion',
    bodies: {
      x: `Thanks for the suggestion! We've passed it on to the team that looks after this. Feedback like yours shapes what we do next. ${X_SIGN}`,
    },
    intents: ['feedback'],
    sentiments: ['neutral', 'positive'],
    tones: ['grateful', 'informative'],
    tags: ['suggestion', 'idea', 'feature request'],
  },
  {
    id: 'default.feedback.suggestion.facebook',
    name: 'Thanks for a suggestion',
    bodies: {
      facebook: `${HI}, thank you for the suggestion! I've passed it on to the team that looks after this. We read every idea, and feedback like yours really does shape what we do next.\n\n${FB_SIGN}`,
    },
    intents: ['feedback'],
    sentiments: ['neutral', 'positive'],
    tones: ['grateful', 'informative'],
    tags: ['suggestion', 'idea', 'feature request'],
  },
  {
    id: 'default.feedback.critical.x',
    name: 'Critical feedback: thank and pass on',
    bodies: {
      x: `Thanks for the honest feedback, and sorry we fell short here. We've shared it with the team so we can do better. ${X_SIGN}`,
    },
    intents: ['feedback', 'complaint'],
    sentiments: ['negative'],
    tones: ['apologetic', 'grateful'],
    tags: ['feedback', 'criticism'],
  },
  {
    id: 'default.feedback.critical.facebook',
    name: 'Critical feedback: thank and pass on',
    bodies: {
      facebook: `${HI}, thank you for the honest feedback, and I'm sorry we fell short. I've shared your comments with the team responsible so we can learn from them and do better.\n\n${FB_SIGN}`,
    },
    intents: ['feedback', 'complaint'],
    sentiments: ['negative'],
    tones: ['apologetic', 'grateful'],
    tags: ['feedback', 'criticism'],
  },

  // ---------------------------------------------------------------- other
  {
    id: 'default.other.hello.x',
    name: 'Friendly hello',
    bodies: {
      x: `${HI}! Thanks for the mention. Anything we can help with today? ${X_SIGN}`,
    },
    intents: ['other'],
    sentiments: [],
    tones: ['casual'],
    tags: ['hello', 'mention', 'general'],
  },
  {
    id: 'default.other.hello.facebook',
    name: 'Friendly hello',
    bodies: {
      facebook: `${HI}, thanks for your comment! If there's anything we can help with, just reply here or send us a private message.\n\n${FB_SIGN}`,
    },
    intents: ['other'],
    sentiments: [],
    tones: ['casual'],
    tags: ['hello', 'general'],
  },
  {
    id: 'default.other.follow-up.x',
    name: 'Follow up: is it sorted?',
    bodies: {
      x: `${HI}, just checking in: is everything sorted now? If not, reply here and we'll pick it up. ${X_SIGN}`,
    },
    intents: ['other', 'complaint', 'question'],
    sentiments: [],
    tones: ['casual', 'informative'],
    tags: ['follow-up', 'check in'],
  },
  {
    id: 'default.other.follow-up.facebook',
    name: 'Follow up: is it sorted?',
    bodies: {
      facebook: `${HI}, I wanted to check in: is everything sorted now? If not, just reply here and we'll pick it up straight away.\n\n${FB_SIGN}`,
    },
    intents: ['other', 'complaint', 'question'],
    sentiments: [],
    tones: ['casual', 'informative'],
    tags: ['follow-up', 'check in'],
  },

  // ---------------------------------------------------------------- flagged posts
  {
    id: 'default.flag.personal-data.x',
    name: 'Personal data posted: ask to delete, then DM',
    bodies: {
      x: `For your security, please delete this post: it shows personal details anyone can see. Then send us a DM and we'll help from there. ${X_SIGN}`,
    },
    intents: [],
    sentiments: [],
    flags: ['personal_data'],
    tones: ['informative', 'empathetic'],
    tags: ['privacy', 'personal data', 'delete', 'dm', 'security'],
    shortcut: 'delete',
  },
  {
    id: 'default.flag.personal-data.facebook',
    name: 'Personal data posted: ask to delete, then message',
    bodies: {
      facebook: `${HI}, for your security, please edit or delete your comment: it shows personal information that anyone can see. Then send us a private message and we'll help you from there.\n\n${FB_SIGN}`,
    },
    intents: [],
    sentiments: [],
    flags: ['personal_data'],
    tones: ['informative', 'empathetic'],
    tags: ['privacy', 'personal data', 'delete', 'messenger', 'security'],
    shortcut: 'delete-fb',
  },
  {
    id: 'default.flag.legal.x',
    name: 'Legal: holding reply',
    bodies: {
      x: `Thank you for raising this with us. We've passed it to the relevant team, who will be in touch directly. As it needs careful handling, we can't comment further here. ${X_SIGN}`,
    },
    intents: [],
    sentiments: [],
    flags: ['legal'],
    tones: ['formal'],
    tags: ['legal', 'escalation', 'holding'],
  },
  {
    id: 'default.flag.legal.facebook',
    name: 'Legal: holding reply',
    bodies: {
      facebook: `Thank you for raising this with us. We've passed it to the relevant team, who will contact you directly. As this needs careful handling, we're unable to comment further in public, but please be assured it is being looked at.\n\n${FB_SIGN}, {{brand.name | "Customer Care"}}`,
    },
    intents: [],
    sentiments: [],
    flags: ['legal'],
    tones: ['formal'],
    tags: ['legal', 'escalation', 'holding'],
  },
  {
    id: 'default.flag.safety.x',
    name: 'Safety: holding reply',
    bodies: {
      x: `We're so sorry to hear this and we're taking it seriously. It's with our safety team as a priority. Please DM us a way to reach you. If anyone is in danger, call the emergency services. ${X_SIGN}`,
    },
    intents: [],
    sentiments: [],
    flags: ['safety'],
    tones: ['empathetic', 'formal'],
    tags: ['safety', 'escalation', 'holding', 'urgent'],
  },
  {
    id: 'default.flag.safety.facebook',
    name: 'Safety: holding reply',
    bodies: {
      facebook: `${HI}, we're so sorry to hear this and we're taking it very seriously. I've passed it to our safety team as a priority. Please send us a private message with the best way to reach you so they can contact you directly.\n\nIf anyone is in immediate danger, please call the emergency services.\n\n${FB_SIGN}`,
    },
    intents: [],
    sentiments: [],
    flags: ['safety'],
    tones: ['empathetic', 'formal'],
    tags: ['safety', 'escalation', 'holding', 'urgent'],
  },
  {
    id: 'default.flag.press',
    name: 'Press enquiry: point to the press office',
    bodies: {
      any: `Thanks for getting in touch. For media enquiries, please contact our press office at {{blank.pressContact}} and they'll be glad to help. ${X_SIGN}`,
      facebook: `Thank you for getting in touch. For media enquiries, please contact our press office at {{blank.pressContact}} and they will be glad to help.\n\n${FB_SIGN}`,
    },
    intents: [],
    sentiments: [],
    flags: ['press'],
    tones: ['formal', 'informative'],
    tags: ['press', 'media', 'journalist'],
    blanks: [{ key: 'pressContact', label: 'Press office contact', kind: 'text', required: true, hint: 'e.g. press@example.com' }],
  },
  {
    id: 'default.flag.abuse',
    name: 'Abusive post: stay calm, keep it respectful',
    bodies: {
      any: `We want to help and we'd like to resolve this with you. We can do that best if we keep the conversation respectful. DM us whenever you're ready. ${X_SIGN}`,
      facebook: `We want to help and we'd like to resolve this with you. We can do that best if we keep the conversation respectful. Send us a private message whenever you're ready.\n\n${FB_SIGN}`,
    },
    intents: [],
    sentiments: ['negative'],
    flags: ['abuse'],
    tones: ['formal'],
    tags: ['abuse', 'de-escalate', 'boundary'],
  },
];

/** The default templates, validated (a bad entry throws at first use, and a unit test). */
export function defaultTemplates(): Template[] {
  return ENTRIES.map((entry) => TemplateSchema.parse({ ...entry, schemaVersion: 2, language: 'en', builtIn: true }));
}

/** The default pack as an importable, exportable pack. */
export function defaultPack(): TemplatePack {
  return { format: PACK_FORMAT, version: PACK_VERSION, name: 'Careline default pack (English)', templates: defaultTemplates() };
}

/** The raw entries, for tests that check each one names its problems. */
export const DEFAULT_PACK_ENTRIES: readonly Entry[] = ENTRIES;
