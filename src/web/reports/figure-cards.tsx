import { Link } from 'wouter';
import type { DashboardAnswer, FigureKey } from '../../contract/report-dashboard.ts';
import type { MessageKey } from '../i18n/ru.ts';
import { useLanguage, useT } from '../i18n/use-t.ts';
import { formatChange, formatPercent, pointLabel } from './dashboard-format.ts';
import { queryOf, type ReportFilterValues } from './reports-api.ts';
import { Sparkline } from './sparkline.tsx';

/** The reports tab behind each figure. */
const tabOf: Record<FigureKey, string> = {
  completeness: 'keeping',
  timeliness: 'keeping',
  quality: 'results',
  attendance: 'attendance',
};

const nameOf: Record<FigureKey, MessageKey> = {
  completeness: 'dashboard.completeness',
  timeliness: 'dashboard.timeliness',
  quality: 'dashboard.quality',
  attendance: 'dashboard.attendance',
};

const hintOf: Record<FigureKey, MessageKey> = {
  completeness: 'dashboard.completenessHint',
  timeliness: 'dashboard.timelinessHint',
  quality: 'dashboard.qualityHint',
  attendance: 'dashboard.attendanceHint',
};

/**
 * The four figures as cards: the value, a sparkline of the trend, the change against the previous
 * week or month in words, and what the figure is the share of. Each card opens the report behind it.
 */
export function FigureCards({
  answer,
  filters,
  prefix,
  compact = false,
}: {
  answer: DashboardAnswer;
  filters: ReportFilterValues;
  prefix: string;
  compact?: boolean;
}) {
  const t = useT();
  const lang = useLanguage();
  const count = (n: number) => n.toLocaleString(lang === 'ru' ? 'ru-RU' : 'en-GB');
  return (
    <ul className={compact ? 'figure-cards compact' : 'figure-cards'}>
      {answer.figures.map((f) => {
        const name = t(nameOf[f.key]);
        const change = formatChange(f.change, lang);
        const points = f.trend.map((p) => ({
          label: p.label ?? pointLabel(p.start, answer.by, lang),
          value: p.value,
        }));
        const changeKey: MessageKey =
          f.key === 'quality'
            ? 'dashboard.changeTerm'
            : answer.by === 'week'
              ? 'dashboard.changeWeek'
              : 'dashboard.changeMonth';
        const periodId = f.key === 'quality' ? answer.qualityPeriod?.id : undefined;
        const href = `${prefix}/reports${queryOf(periodId ? { ...filters, periodId, from: undefined, to: undefined } : filters, { tab: tabOf[f.key] })}`;
        const hint =
          f.key === 'quality' && !answer.qualityPeriod
            ? t('dashboard.qualityHintNoPeriod', { whole: count(f.whole) })
            : t(hintOf[f.key], {
                part: f.part === null ? '' : count(f.part),
                whole: count(f.whole),
                period: answer.qualityPeriod?.name ?? '',
              });
        return (
          <li key={f.key} className="figure-card" data-figure={f.key}>
            <Link href={href} title={t('dashboard.openReport', { name })}>
              <span className="figure-name">{name}</span>
              <span className="figure-value">{formatPercent(f.value, lang)}</span>
              <Sparkline
                points={points}
                label={t('dashboard.trendOf', {
                  points: points.map((p) => `${p.label}: ${formatPercent(p.value, lang)}`).join('; '),
                })}
              />
              {change && <span className="figure-change">{t(changeKey, { change })}</span>}
              {!compact && (
                <span className="figure-hint">{f.whole > 0 ? hint : t('dashboard.nothingYet')}</span>
              )}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
