import { useMemo, useState } from 'react';
import { renderTemplate } from '../../lib/templates/render';
import { contextFromPost } from '../../lib/templates/variables';
import { countForChannel } from '../../lib/templates/channel';
import type { Blank } from '../../lib/templates/schema';
import { inputClass } from './classes';

export interface SamplePost {
  label: string;
  site: 'x' | 'facebook';
  authorName: string;
  authorHandle: string;
  permalink: string;
  text: string;
}

export const SAMPLE_POSTS: readonly SamplePost[] = [
  {
    label: 'X: late order (Maria García, @maria_g)',
    site: 'x',
    authorName: 'Maria García',
    authorHandle: '@maria_g',
    permalink: 'https://x.com/maria_g/status/1850000000000000001',
    text: '@AcmeCo my order #4417 never arrived and nobody answers. Two weeks now!',
  },
  {
    label: 'X: a handle-like name (@jdoe84)',
    site: 'x',
    authorName: 'jdoe84',
    authorHandle: '@jdoe84',
    permalink: 'https://x.com/jdoe84/status/1850000000000000002',
    text: 'How do I change the delivery address on an order?',
  },
  {
    label: 'Facebook: comment (Sam Lee)',
    site: 'facebook',
    authorName: 'Sam Lee',
    authorHandle: 'sam.lee.71',
    permalink: 'https://www.facebook.com/acmeco/posts/pfbid02AcmeDeliveryUpdate',
    text: 'Love the new app, but the checkout keeps crashing on my phone.',
  },
];

export interface PreviewProfile {
  displayName: string;
  initials: string;
  brandName: string;
}

/**
 * The body rendered against a sample post with the agent's profile, as the sidebar would, with
 * the channel's count (X weighted) and what would block an insert.
 */
export function TemplatePreview({
  bodies,
  blanks,
  language,
  profile,
}: {
  bodies: { x: string; facebook: string; any: string };
  blanks: readonly Pick<Blank, 'key' | 'kind' | 'label'>[];
  language: string;
  profile: PreviewProfile;
}) {
  const [sampleIndex, setSampleIndex] = useState(0);
  const [caseReference, setCaseReference] = useState('CL-1042');
  const sample = SAMPLE_POSTS[sampleIndex] ?? SAMPLE_POSTS[0]!;
  const body = (sample.site === 'x' ? bodies.x : bodies.facebook).trim() ? (sample.site === 'x' ? bodies.x : bodies.facebook) : bodies.any;
  const result = useMemo(() => {
    const context = contextFromPost({
      post: { authorName: sample.authorName, authorHandle: sample.authorHandle, permalink: sample.permalink },
      agent: { name: profile.displayName || undefined, initials: profile.initials || undefined },
      brandName: profile.brandName || undefined,
      caseReference: caseReference || undefined,
      language: language || 'en',
    });
    const today = new Date().toISOString().slice(0, 10);
    const values = Object.fromEntries(blanks.map((b) => [b.key, b.kind === 'date' ? today : `[${b.label || b.key}]`]));
    return renderTemplate(body, context, values, blanks);
  }, [body, sample, profile, caseReference, language, blanks]);
  const count = countForChannel(result.text, sample.site);
  return (
    <div className="space-y-2 rounded-lg border border-line bg-surface-2 p-3" data-testid="template-preview">
      <h3 className="font-semibold text-ink">Preview</h3>
      <div className="grid gap-2 sm:grid-cols-2">
        <label className="text-xs text-muted">
          Sample post
          <select className={inputClass} value={sampleIndex} onChange={(e) => setSampleIndex(Number(e.target.value))}>
            {SAMPLE_POSTS.map((p, i) => (
              <option key={p.label} value={i}>
                {p.label}
              </option>
            ))}
          </select>
        </label>
        <label className="text-xs text-muted">
          Case reference (for {'{{case.reference}}'})
          <input className={inputClass} value={caseReference} onChange={(e) => setCaseReference(e.target.value)} />
        </label>
      </div>
      <blockquote className="border-l-2 border-line pl-2 text-xs text-muted">{sample.text}</blockquote>
      {body.trim() ? (
        <>
          <p className="rounded border border-line bg-surface p-2 text-sm whitespace-pre-wrap text-ink" data-testid="preview-text">
            {result.text}
          </p>
          <p className={`text-xs ${count.over ? 'font-semibold text-bad' : 'text-muted'}`} data-testid="preview-count">
            {sample.site === 'x' ? 'X count' : 'Facebook count'}: {count.weighted.toLocaleString()} / {count.limit.toLocaleString()}
            {count.over ? ` — ${-count.remaining} over the limit` : ` (${count.remaining} left)`}
          </p>
          {result.missing.length ? (
            <p className="text-xs text-warn">
              With this post the sidebar would not insert yet: no value for {result.missing.join(', ')}. Add a fallback such as {'{{customer.firstName | "there"}}'}, or fill
              your profile.
            </p>
          ) : null}
          {blanks.length ? <p className="text-xs text-muted">Blanks show their label in brackets; the agent fills them in the sidebar.</p> : null}
        </>
      ) : (
        <p className="text-sm text-muted">No body for {sample.site === 'x' ? 'X' : 'Facebook'} yet: this template would not be suggested there.</p>
      )}
    </div>
  );
}
