import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import type { z } from 'zod';
import type { accountSummary } from '../../contract/credentials.ts';
import { apiPost } from '../app/api.ts';
import { ApiError } from '../app/api-error.ts';
import { FormAlert, Notice } from '../components/form-alert.tsx';
import { formatDate } from '../i18n/format-date.ts';
import type { MessageKey } from '../i18n/ru.ts';
import { useT } from '../i18n/use-t.ts';
import { download, issueSlips } from './issue-slips.ts';
import './credentials.css';

/** A person in a credentials table. */
export interface PanelRow {
  personId: number;
  name: string;
  account: z.infer<typeof accountSummary>;
  canManage: boolean;
  /** Why the row cannot be selected (no consent, issued by the administrator), if so. */
  blocked?: string;
  /** The extra columns' cells. */
  cells: ReactNode[];
}

/** A table of the panel: parents, students or staff. */
export interface PanelSection {
  id: string;
  title: string;
  headers: string[];
  rows: PanelRow[];
  empty: string;
}

interface Outcome {
  url: string;
  file: string;
  issued: number;
  skipped: { name: string; reason: 'noConsent' | 'disabled' }[];
}

/**
 * People with their account states, checkboxes, «Выдать доступ» / «Выдать заново» (the PDF of
 * slips is downloaded) and switching single accounts off and on.
 */
export function CredentialsPanel(props: {
  sections: PanelSection[];
  fileLabel: string;
  csrfToken: string;
  queryKey: readonly unknown[];
}) {
  const t = useT();
  const queryClient = useQueryClient();
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [reactivate, setReactivate] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const rows = useMemo(() => props.sections.flatMap((s) => s.rows), [props.sections]);
  const chosen = rows.filter((r) => selected.has(r.personId));
  const existing = chosen.filter((r) => r.account.status !== 'none').length;
  const disabled = chosen.filter((r) => r.account.status === 'disabled').length;

  // The PDF holds passwords: forget it when the page goes away.
  useEffect(() => () => (outcome ? URL.revokeObjectURL(outcome.url) : undefined), [outcome]);

  const toggle = (ids: number[], on: boolean) =>
    setSelected((old) => {
      const next = new Set(old);
      for (const id of ids) {
        if (on) next.add(id);
        else next.delete(id);
      }
      return next;
    });

  const refresh = () => queryClient.invalidateQueries({ queryKey: props.queryKey });

  const issue = async () => {
    setBusy(true);
    setError(null);
    try {
      const result = await issueSlips(
        props.csrfToken,
        chosen.map((r) => r.personId),
        reactivate,
      );
      const file = t('credentials.fileName', { name: props.fileLabel, date: formatDate(new Date()) });
      const url = URL.createObjectURL(result.pdf);
      download(url, file);
      const nameOf = new Map(rows.map((r) => [r.personId, r.name]));
      setOutcome({
        url,
        file,
        issued: result.issued,
        skipped: result.skipped.map((s) => ({ name: nameOf.get(s.personId) ?? '', reason: s.reason })),
      });
      setSelected(new Set());
      setReactivate(false);
      await refresh();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : t('error.unexpected'));
    } finally {
      setBusy(false);
    }
  };

  const switchAccount = async (personId: number, on: boolean) => {
    setError(null);
    try {
      await apiPost(`/api/credentials/accounts/${personId}/${on ? 'enable' : 'disable'}`);
      await refresh();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : t('error.unexpected'));
    }
  };

  return (
    <div className="credentials">
      <FormAlert message={error} />
      {outcome && (
        <div className="credentials-outcome">
          <Notice message={t('credentials.done', { count: outcome.issued, file: outcome.file })} />
          <a className="button button-quiet" href={outcome.url} download={outcome.file}>
            {t('credentials.openAgain')}
          </a>
          {outcome.skipped.length > 0 && (
            <div className="alert alert-error" role="status">
              <p className="credentials-skipped-title">{t('credentials.skipped')}</p>
              <ul>
                {outcome.skipped.map((s) => (
                  <li key={`${s.name}-${s.reason}`}>
                    {s.name} — {t(`credentials.skip.${s.reason}`)}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </div>
      )}
      {props.sections.map((section) => (
        <SectionTable
          key={section.id}
          section={section}
          selected={selected}
          onToggle={toggle}
          onSwitch={switchAccount}
        />
      ))}
      <div className="credentials-actions" aria-live="polite">
        <p>{t('credentials.selected', { count: chosen.length })}</p>
        {existing > 0 && (
          <p className="alert alert-error credentials-warning">
            {t('credentials.reissueWarning', { count: existing })}
          </p>
        )}
        {disabled > 0 && (
          <>
            <label className="credentials-check">
              <input type="checkbox" checked={reactivate} onChange={(e) => setReactivate(e.target.checked)} />
              {t('credentials.reactivate', { count: disabled })}
            </label>
            {!reactivate && (
              <p className="field-hint">{t('credentials.disabledNote', { count: disabled })}</p>
            )}
          </>
        )}
        <button
          type="button"
          className="button button-primary"
          disabled={busy || chosen.length === 0}
          onClick={() => void issue()}
        >
          {busy ? t('credentials.issuing') : existing > 0 ? t('credentials.reissue') : t('credentials.issue')}
        </button>
      </div>
    </div>
  );
}

const statusKey = (status: PanelRow['account']['status']): MessageKey => `credentials.status.${status}`;

function SectionTable(props: {
  section: PanelSection;
  selected: Set<number>;
  onToggle: (ids: number[], on: boolean) => void;
  onSwitch: (personId: number, on: boolean) => Promise<void>;
}) {
  const t = useT();
  const { section, selected } = props;
  const selectable = section.rows.filter((r) => r.canManage && !r.blocked).map((r) => r.personId);
  const allOn = selectable.length > 0 && selectable.every((id) => selected.has(id));
  const headingId = `credentials-${section.id}`;
  return (
    <section className="credentials-section" aria-labelledby={headingId}>
      <div className="credentials-section-head">
        <h2 id={headingId}>{section.title}</h2>
        {selectable.length > 0 && (
          <button
            type="button"
            className="button button-quiet"
            onClick={() => props.onToggle(selectable, !allOn)}
          >
            {allOn ? t('credentials.selectNone') : t('credentials.selectAll')}
            <span className="visually-hidden"> — {section.title}</span>
          </button>
        )}
      </div>
      {section.rows.length === 0 ? (
        <p>{section.empty}</p>
      ) : (
        <div className="table-box credentials-scroll">
          <table className="credentials-table">
            <thead>
              <tr>
                <th scope="col">
                  <span className="visually-hidden">{t('credentials.selectAll')}</span>
                </th>
                <th scope="col">{t('credentials.name')}</th>
                {section.headers.map((h) => (
                  <th scope="col" key={h}>
                    {h}
                  </th>
                ))}
                <th scope="col">{t('credentials.account')}</th>
                <th scope="col">{t('credentials.lastLogin')}</th>
                <th scope="col">{t('credentials.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {section.rows.map((row) => (
                <tr key={row.personId}>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={t('credentials.select', { name: row.name })}
                      checked={selected.has(row.personId)}
                      disabled={!row.canManage || Boolean(row.blocked)}
                      onChange={(e) => props.onToggle([row.personId], e.target.checked)}
                    />
                  </td>
                  <th scope="row">{row.name}</th>
                  {row.cells.map((cell, i) => (
                    <td key={section.headers[i] ?? i}>{cell}</td>
                  ))}
                  <td>
                    <span className={`credentials-status credentials-status-${row.account.status}`}>
                      {t(statusKey(row.account.status))}
                    </span>
                    {row.account.login && <code className="credentials-login">{row.account.login}</code>}
                    {row.blocked && <span className="field-hint">{row.blocked}</span>}
                  </td>
                  <td>
                    {row.account.lastLoginAt ? formatDate(row.account.lastLoginAt) : t('credentials.never')}
                  </td>
                  <td>
                    {row.canManage && row.account.status !== 'none' && (
                      <SwitchButton row={row} onSwitch={props.onSwitch} />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function SwitchButton({
  row,
  onSwitch,
}: {
  row: PanelRow;
  onSwitch: (personId: number, on: boolean) => Promise<void>;
}) {
  const t = useT();
  const on = row.account.status === 'disabled';
  return (
    <button
      type="button"
      className="button button-quiet"
      aria-label={t(on ? 'credentials.enableNamed' : 'credentials.disableNamed', { name: row.name })}
      onClick={() => void onSwitch(row.personId, on)}
    >
      {t(on ? 'credentials.enable' : 'credentials.disable')}
    </button>
  );
}
