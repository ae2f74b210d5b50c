import { useEffect, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { browser } from 'wxt/browser';
import { originPattern } from '../../lib/worker/sync-wiring';
import { SectionCard, Panel } from '../../components/options/SectionCard';
import { TextField } from '../../components/options/FormControls';
import { SyncStatusPanel } from '../../components/options/SyncStatusPanel';
import { primaryButton, secondaryButton } from '../../components/options/classes';
import { configureSync, connectionInWords, fetchSyncStatus, retrySetAside, syncNow, testSyncConnection } from './sync-client';

const STATUS_POLL_MS = 3000;

/** A secret field: never shows the stored value; "a token is saved" with a Replace button instead. */
function SecretField({
  label,
  hint,
  saved,
  value,
  onChange,
  replacing,
  onReplace,
}: {
  label: string;
  hint: string;
  saved: boolean;
  value: string;
  onChange: (v: string) => void;
  replacing: boolean;
  onReplace: () => void;
}) {
  if (saved && !replacing) {
    return (
      <div>
        <p className="text-sm font-semibold text-ink">{label}</p>
        <p className="mt-1 flex items-center gap-3 text-sm text-ink">
          <span data-testid={`${label.startsWith('Supervisor') ? 'supervisor' : 'agent'}-token-saved`}>A token is saved.</span>
          <button type="button" className={secondaryButton} onClick={onReplace} aria-label={`Replace the ${label.toLowerCase()}`}>
            Replace
          </button>
        </p>
      </div>
    );
  }
  return <TextField label={label} type="password" autoComplete="off" spellCheck={false} value={value} onChange={(e) => onChange(e.target.value)} hint={hint} />;
}

export function SyncSection() {
  const queryClient = useQueryClient();
  const status = useQuery({ queryKey: ['sync.status'], queryFn: fetchSyncStatus, refetchInterval: STATUS_POLL_MS });
  const [endpoint, setEndpoint] = useState<string>();
  const [token, setToken] = useState('');
  const [supervisorToken, setSupervisorToken] = useState('');
  const [replacing, setReplacing] = useState({ agent: false, supervisor: false });
  const [message, setMessage] = useState<{ tone: 'good' | 'bad' | 'muted'; text: string; needsPermission?: string } | null>(null);
  const [testing, setTesting] = useState(false);
  const [busy, setBusy] = useState(false);
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 5000);
    return () => clearInterval(timer);
  }, []);
  useEffect(() => {
    if (endpoint === undefined && status.data) setEndpoint(status.data.endpoint);
  }, [status.data, endpoint]);

  if (status.isPending) return <p role="status" className="text-muted">Loading sync settings…</p>;
  if (status.isError && !status.data) {
    return (
      <SectionCard id="sync" title="Team sync">
        <p role="alert" className="text-bad">{String(status.error.message)}</p>
      </SectionCard>
    );
  }
  const report = status.data!;
  const url = endpoint ?? report.endpoint;
  const pattern = originPattern(url.trim());
  const tokens = () => ({
    ...(token.trim() ? { token: token.trim() } : {}),
    ...(supervisorToken.trim() ? { supervisorToken: supervisorToken.trim() } : {}),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['sync.status'] });
  const afterSave = (text: string) => {
    setToken('');
    setSupervisorToken('');
    setReplacing({ agent: false, supervisor: false });
    setMessage({ tone: 'good', text });
    void refresh();
  };
  const fail = (error: unknown) => setMessage({ tone: 'bad', text: String((error as Error)?.message ?? error) });
  const whileBusy = (work: () => Promise<void>) => {
    setBusy(true);
    void work()
      .catch(fail)
      .finally(() => {
        setBusy(false);
        void refresh();
      });
  };

  // The test runs in the background worker, which reaches the server only once the browser has
  // granted Careline that origin; before that, "unreachable" comes with an Allow button (a click,
  // as the permission request needs).
  const runTest = async (origins: string) => {
    setTesting(true);
    setMessage({ tone: 'muted', text: 'Testing the connection…' });
    try {
      const result = await testSyncConnection(url.trim(), token.trim() || undefined);
      const allowed = await browser.permissions.contains({ origins: [origins] }).catch(() => true);
      const words = connectionInWords(result);
      setMessage(result.status === 'unreachable' && !allowed ? { ...words, needsPermission: origins } : words);
    } catch (error) {
      fail(error);
    } finally {
      setTesting(false);
    }
  };
  const allowAndTest = (origins: string) => {
    void browser.permissions
      .request({ origins: [origins] })
      .then((granted) =>
        granted ? runTest(origins) : setMessage({ tone: 'bad', text: `Careline was not allowed to reach ${origins.replace(/\/\*$/u, '')}: the test cannot run.` }),
      )
      .catch(fail);
  };
  const turnOn = () => {
    if (!pattern) return setMessage({ tone: 'bad', text: 'Enter the sync server address first, e.g. https://sync.example.com.' });
    if (!report.hasToken && !token.trim()) return setMessage({ tone: 'bad', text: 'Enter the agent token your supervisor gave you first.' });
    // Asked in the click itself: the browser grants optional host permissions only on a user gesture.
    void browser.permissions
      .request({ origins: [pattern] })
      .then(async (granted) => {
        if (!granted) {
          setMessage({ tone: 'bad', text: `Sync stays off: Careline needs your permission to reach ${new URL(url.trim()).origin}.` });
          return;
        }
        await configureSync({ enabled: true, endpoint: url.trim(), ...tokens() });
        afterSave('Sync is on. Handled items are sent to the server in the background.');
      })
      .catch(fail);
  };
  const turnOff = () => {
    void configureSync({ enabled: false, endpoint: url.trim(), ...tokens() })
      .then(() => afterSave('Sync is off. Items waiting in the queue are kept and sent when you turn it on again.'))
      .catch(fail);
  };

  return (
    <SectionCard
      id="sync"
      title="Team sync"
      intro="Optional: send handled items to your team's Careline sync server, so supervisors see the whole team. Without it, everything stays in this browser."
    >
      <Panel title="Server and tokens">
        <form
          aria-label="Sync settings"
          className="max-w-xl space-y-3"
          onSubmit={(e) => {
            e.preventDefault();
            if (url.trim() && !pattern) return setMessage({ tone: 'bad', text: 'The address must start with https:// (or http:// for a server on this computer).' });
            void configureSync({ enabled: report.enabled, endpoint: url.trim(), ...tokens() })
              .then(() => afterSave('Sync settings saved.'))
              .catch(fail);
          }}
        >
          <TextField
            label="Sync server address"
            type="url"
            placeholder="https://sync.example.com"
            value={url}
            onChange={(e) => setEndpoint(e.target.value)}
            error={url.trim() && !pattern ? 'Use an address starting with https:// (or http://).' : undefined}
            hint="Your supervisor gives you this address."
          />
          <SecretField
            label="Agent token"
            hint="Sent only to this server, stored in this browser's extension storage, never shown again."
            saved={report.hasToken}
            value={token}
            onChange={setToken}
            replacing={replacing.agent}
            onReplace={() => setReplacing({ ...replacing, agent: true })}
          />
          <SecretField
            label="Supervisor token (optional)"
            hint="Only for team leads: lets the dashboard show the whole team."
            saved={report.hasSupervisorToken}
            value={supervisorToken}
            onChange={setSupervisorToken}
            replacing={replacing.supervisor}
            onReplace={() => setReplacing({ ...replacing, supervisor: true })}
          />
          <div className="flex flex-wrap items-center gap-2">
            <button type="submit" className={primaryButton}>
              Save
            </button>
            <button
              type="button"
              className={secondaryButton}
              disabled={testing}
              onClick={() => {
                if (!pattern) return setMessage({ tone: 'bad', text: 'Enter the sync server address first, e.g. https://sync.example.com.' });
                setTesting(true);
                setMessage({ tone: 'muted', text: 'Testing the connection…' });
                void runTest(pattern);
              }}
            >
              {testing ? 'Testing…' : 'Test connection'}
            </button>
          </div>
          {message ? (
            <p role={message.tone === 'bad' ? 'alert' : 'status'} data-testid="sync-message" className={`text-sm ${message.tone === 'good' ? 'text-good' : message.tone === 'bad' ? 'text-bad' : 'text-muted'}`}>
              {message.text}
              {message.needsPermission ? (
                <>
                  {' '}
                  Careline is not yet allowed to reach this server (it asks when you turn sync on).{' '}
                  <button type="button" className="font-semibold text-accent underline" onClick={() => allowAndTest(message.needsPermission!)}>
                    Allow and test again
                  </button>
                </>
              ) : null}
            </p>
          ) : null}
        </form>
      </Panel>

      <Panel title="Sync">
        <div className="mb-3 flex items-center gap-3">
          <button
            type="button"
            role="switch"
            aria-checked={report.enabled}
            aria-label="Sync handled items to the team server"
            onClick={report.enabled ? turnOff : turnOn}
            className={`relative h-6 w-11 rounded-full border border-line transition-colors ${report.enabled ? 'bg-accent' : 'bg-surface-2'}`}
          >
            <span className={`absolute top-0.5 h-4.5 w-4.5 rounded-full bg-surface shadow transition-all ${report.enabled ? 'left-5.5' : 'left-0.5'}`} />
          </button>
          <span className="text-sm text-ink">{report.enabled ? 'On' : 'Off'}: sync handled items to the team server</span>
        </div>
        <SyncStatusPanel
          status={report}
          now={now}
          busy={busy}
          onRetry={(seqs) => whileBusy(() => retrySetAside(seqs).then(() => setMessage({ tone: 'good', text: 'The items are back in the queue.' })))}
          onSyncNow={() =>
            whileBusy(() =>
              syncNow().then((r) => setMessage(r.error ? { tone: 'bad', text: r.error } : { tone: 'good', text: r.outcome === 'done' ? 'Everything is sent.' : 'Sync pass finished.' })),
            )
          }
        />
      </Panel>
    </SectionCard>
  );
}
