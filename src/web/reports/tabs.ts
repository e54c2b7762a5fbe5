import { type ComponentType, type LazyExoticComponent, lazy } from 'react';
import type { MessageKey } from '../i18n/ru.ts';
import type { ReportFilterOptions, ReportFilterValues } from './reports-api.ts';

/** What a tab of the reports page receives: the chosen filters and the choices. */
export interface TabProps {
  filters: ReportFilterValues;
  options: ReportFilterOptions;
}

/** A tab of the reports page: its address (`?tab=`), its label and its content. */
export interface ReportTab {
  id: string;
  label: MessageKey;
  component: LazyExoticComponent<ComponentType<TabProps>>;
}

/** The tabs of «Отчёты», in the order shown. */
export const reportTabs: ReportTab[] = [
  { id: 'keeping', label: 'keeping.tab', component: lazy(() => import('./keeping-tab.tsx')) },
  { id: 'hours', label: 'hours.tab', component: lazy(() => import('./hours-tab.tsx')) },
  { id: 'attendance', label: 'attendance.tab', component: lazy(() => import('./attendance-tab.tsx')) },
  { id: 'density', label: 'density.tab', component: lazy(() => import('./density-tab.tsx')) },
  { id: 'ktp', label: 'ktp.tab', component: lazy(() => import('./ktp-tab.tsx')) },
  { id: 'assessments', label: 'assess.tab', component: lazy(() => import('./assessments-tab.tsx')) },
  { id: 'results', label: 'results.tab', component: lazy(() => import('./results-tab.tsx')) },
];
