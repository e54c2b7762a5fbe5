import type { HeatmapAnswer, KeepingAnswer } from '../../contract/report-keeping.ts';
import { keepingHeatmap } from './heatmap.ts';
import { heatmapTables, keepingTables } from './keeping.present.ts';
import { keepingAnswerOf } from './keeping.ts';
import type { ReportDefinition } from './report-definition.ts';

/** «Ведение журнала»: missing and late entries per journal and the problem lessons. */
export const keepingReport: ReportDefinition<KeepingAnswer> = {
  name: 'keeping',
  title: { ru: 'Ведение журнала', en: 'Journal keeping' },
  compute: (ctx, scope) => keepingAnswerOf(ctx.db, scope),
  tables: keepingTables,
};

/** The heat map of keeping: teachers × days. */
export const heatmapReport: ReportDefinition<HeatmapAnswer> = {
  name: 'heatmap',
  title: { ru: 'Карта заполнения журнала', en: 'Journal keeping heat map' },
  compute: (ctx, scope) => keepingHeatmap(ctx.db, scope),
  tables: heatmapTables,
};
