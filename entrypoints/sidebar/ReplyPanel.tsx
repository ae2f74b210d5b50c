import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import type { Classification } from '../../lib/classify/types';
import type { Post } from '../../lib/post';
import type { Profile } from '../../lib/settings';
import { rankTemplates } from '../../lib/templates/rank';
import { renderTemplate } from '../../lib/templates/render';
import { contextFromPost } from '../../lib/templates/variables';
import { templateBodyFor, type Template } from '../../lib/templates/schema';
import { searchTemplates } from '../../lib/templates/search';
import { validateBlankValues } from '../../lib/templates/blanks';
import { checkTone } from '../../lib/templates/tone-check';
import { countForChannel, suggestShortening } from '../../lib/templates/channel';
import { SuggestionList, type SuggestionView } from '../../components/SuggestionList';
import { BlankForm } from '../../components/BlankForm';
import { ToneCheck } from '../../components/ToneCheck';
import { listen } from '../../lib/transport';
import type { PageLink } from './page-link';
import { templateUsage } from './use-sidebar-data';
import type { SidebarState } from '../../lib/worker/sidebar-state';

const TOP = 5;

type Notice = { tone: 'ok' | 'error'; text: string } | null;

function signatureOf(profile: Profile | undefined): string | undefined {
  return profile?.initials ? `^${profile.initials}` : undefined;
}

export function ReplyPanel({ post, classification, templates, profile, link, state }: {
  post: Post;
  classification: Classification;
  templates: Template[];
  profile: Profile | undefined;
  link: PageLink;
  state: SidebarState | undefined;
}) {
  const channel = post.site;
  const usage = useMemo(() => templateUsage(state, classification.classified ? classification.intent : undefined), [state, classification]);
  const [query, setQuery] = useState('');
  const [pending, setPending] = useState<{ template: Template; errors: Record<string, string> } | null>(null);
  const [busyId, setBusyId] = useState<string>();
  const [notice, setNotice] = useState<Notice>(null);
  const [draft, setDraft] = useState('');

  const renderContext = useMemo(
    () =>
      contextFromPost({
        post,
        agent: { name: profile?.displayName, initials: profile?.initials, signature: signatureOf(profile) },
        brandName: profile?.brandName,
        language: classification.language,
      }),
    [post, profile, classification.language],
  );

  const ranked = useMemo(
    () => rankTemplates(templates.filter((t) => templateBodyFor(t, channel) !== undefined), { classification, channel, usage }, TOP),
    [templates, classification, channel, usage],
  );
  const searched = useMemo(() => (query.trim() ? searchTemplates(templates, query).slice(0, 10) : []), [templates, query]);

  const preview = useCallback(
    (t: Template) => renderTemplate(templateBodyFor(t, channel) ?? '', renderContext, Object.fromEntries(t.blanks.map((b) => [b.key, `[${b.label}]`])), t.blanks).text,
    [channel, renderContext],
  );
  const suggestions: SuggestionView[] = ranked.map((r, i) => ({ template: r.template, preview: preview(r.template), reasons: r.reasons, shortcut: i + 1 }));
  const searchViews: SuggestionView[] = searched.map((t) => ({ template: t, preview: preview(t), reasons: [] }));

  const insert = useCallback(
    async (template: Template, values: Record<string, string>) => {
      const body = templateBodyFor(template, channel);
      if (body === undefined) return setNotice({ tone: 'error', text: `“${template.name}” has no reply for this channel.` });
      const rendered = renderTemplate(body, renderContext, values, template.blanks);
      if (rendered.missing.length) {
        return setNotice({ tone: 'error', text: `Not inserted: “${template.name}” needs ${rendered.missing.join(', ')}. Fill it in your profile (Options) or edit the template.` });
      }
      setBusyId(template.id);
      try {
        const result = await link.insert(post.id, rendered.text);
        if (result.ok) {
          setNotice({ tone: 'ok', text: `Inserted “${template.name}”. Edit it if you like, then press Reply on the site.` });
          setDraft(result.text);
          await browser.runtime.sendMessage({ careline: 1, type: 'reply.inserted', payload: { post, templateId: template.id, text: rendered.text } });
        } else {
          setNotice({ tone: 'error', text: `${result.reason}${result.copiedToClipboard ? ' The reply is on your clipboard: click in the reply box and paste it (Ctrl+V).' : ''}` });
        }
      } catch (error) {
        setNotice({ tone: 'error', text: `Couldn't insert the reply: ${(error as Error).message}` });
      } finally {
        setBusyId(undefined);
      }
    },
    [channel, renderContext, link, post],
  );

  const choose = useCallback(
    (template: Template) => {
      setNotice(null);
      if (template.blanks.length) setPending({ template, errors: {} });
      else void insert(template, {});
    },
    [insert],
  );

  // Alt+N, from the sidebar itself or forwarded by the page (the cursor is usually in the composer).
  const chooseRef = useRef({ choose, suggestions });
  chooseRef.current = { choose, suggestions };
  useEffect(() => {
    const byIndex = (index: number) => {
      const s = chooseRef.current.suggestions[index - 1];
      if (s) chooseRef.current.choose(s.template);
    };
    const onKey = (e: KeyboardEvent) => {
      const m = /^Digit([1-9])$/.exec(e.code);
      if (m && e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey) {
        e.preventDefault();
        byIndex(Number(m[1]));
      }
    };
    window.addEventListener('keydown', onKey);
    const stop = listen({ 'suggestion.shortcut': ({ index }) => byIndex(index) }, (sender) => sender.tab?.id === link.tabId);
    return () => {
      window.removeEventListener('keydown', onKey);
      stop();
    };
  }, [link.tabId]);

  // The draft in the site's composer, for the live tone check.
  useEffect(() => {
    let stopped = false;
    const poll = async () => {
      const text = await link.readDraft(post.id);
      if (!stopped && text !== null) setDraft(text);
    };
    void poll();
    const id = setInterval(poll, 700);
    return () => {
      stopped = true;
      clearInterval(id);
    };
  }, [link, post.id]);

  const findings = useMemo(
    () => checkTone(draft, { post: { text: post.text, classification }, channel, teamSigns: profile?.teamSigns, signature: signatureOf(profile), agentName: profile?.displayName }),
    [draft, post.text, classification, channel, profile],
  );
  const count = countForChannel(draft, channel);
  const shortening = count.over ? suggestShortening(draft, channel, { signature: signatureOf(profile) }) : null;

  return (
    <section aria-label="Replies" className="pb-3">
      <h2 className="px-3 pt-3 pb-2 text-xs font-bold uppercase tracking-wide text-muted">Suggested replies</h2>
      {pending ? (
        <BlankForm
          templateName={pending.template.name}
          blanks={pending.template.blanks}
          errors={pending.errors}
          onCancel={() => setPending(null)}
          onSubmit={(values) => {
            const check = validateBlankValues(pending.template.blanks, values);
            if (!check.ok) return setPending({ ...pending, errors: check.errors });
            setPending(null);
            void insert(pending.template, check.values);
          }}
        />
      ) : (
        <SuggestionList items={suggestions} onChoose={choose} busyId={busyId} />
      )}
      {notice ? (
        <p role={notice.tone === 'error' ? 'alert' : 'status'} data-testid="insert-notice" className={`mx-3 mt-2 text-sm ${notice.tone === 'error' ? 'text-bad' : 'text-good'}`}>
          {notice.text}
        </p>
      ) : null}
      <div className="mt-3 px-3">
        <label className="sr-only" htmlFor="template-search">Search all templates</label>
        <input
          id="template-search"
          type="search"
          placeholder="Search all templates…"
          className="w-full rounded border border-line bg-surface px-2 py-1 text-sm"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
      </div>
      {query.trim() ? (
        <div className="mt-2" data-testid="search-results">
          {searchViews.length ? <SuggestionList items={searchViews} onChoose={choose} busyId={busyId} /> : <p className="px-3 text-sm text-muted">No template matches “{query}”.</p>}
        </div>
      ) : null}
      <ToneCheck draft={draft} findings={findings} count={count} />
      {shortening?.options.length ? (
        <div className="px-3 text-xs" data-testid="shortening">
          <p className="font-semibold text-bad">Over the {count.limit} limit by {shortening.overBy}. Careline never cuts a reply; instead:</p>
          <ul className="mt-1 list-disc space-y-1 pl-4">
            {shortening.options.map((o) => (
              <li key={o.kind}>
                {o.kind === 'tighten' ? 'A tighter version fits' : o.kind === 'thread' ? `Split into a thread of ${o.posts.length}` : 'Move to private messages'}{' '}
                <button type="button" className="underline" onClick={() => void navigator.clipboard.writeText(o.kind === 'thread' ? o.posts.join('\n\n') : o.text)}>copy</button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
