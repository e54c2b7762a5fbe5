import {
  fromSettingsForm,
  parseSchoolSettings,
  type SettingsForm,
  toSettingsForm,
} from '../../contract/settings.ts';
import type { Ctx } from '../access/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { AppError } from '../http/app-error.ts';
import { requireSchoolAction } from '../people/people.policy.ts';
import { settingsText, workKindsOf } from './settings.queries.ts';

/** «Настройки школы»: the settings with their defaults, and the work kinds with weights. */
export async function getSchoolSettings(ctx: Ctx) {
  const schoolId = requireSchoolAction(ctx, 'school.settings.edit');
  const [text, workKinds] = await Promise.all([
    settingsText(ctx.db, schoolId),
    workKindsOf(ctx.db, schoolId),
  ]);
  return {
    settings: toSettingsForm(parseSchoolSettings(text)),
    workKinds: workKinds.map((w) => ({
      ...w,
      weight: Number(w.weight),
      written: Number(w.written) === 1,
      assessment: Number(w.assessment) === 1,
    })),
  };
}

/** Rounding thresholds must decrease: «5» above «4» above «3». */
function checkThresholds(form: SettingsForm): void {
  if (form.roundFive <= form.roundFour)
    throw new AppError('validation', 'settingsThresholdsOrder', {}, { roundFour: 'settingsThresholdsOrder' });
  if (form.roundFour <= form.roundThree)
    throw new AppError(
      'validation',
      'settingsThresholdsOrder',
      {},
      { roundThree: 'settingsThresholdsOrder' },
    );
}

/** The administrator changes the school's settings; only the changed keys are audited. */
export async function updateSchoolSettings(ctx: Ctx, form: SettingsForm) {
  const schoolId = requireSchoolAction(ctx, 'school.settings.edit');
  checkThresholds(form);
  await ctx.db.transaction().execute(async (trx) => {
    const text = await settingsText(trx, schoolId);
    const stored = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    const before = toSettingsForm(parseSchoolSettings(text));
    const after = toSettingsForm(fromSettingsForm(form));
    const keys = (Object.keys(after) as (keyof SettingsForm)[]).filter(
      (k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]),
    );
    if (keys.length === 0) return;
    await trx
      .updateTable('schools')
      .set({ settings: JSON.stringify({ ...stored, ...fromSettingsForm(form) }) })
      .where('id', '=', schoolId)
      .execute();
    await recordAudit(trx, ctx, {
      schoolId,
      action: 'school.settings_updated',
      entity: 'school',
      entityId: schoolId,
      before: Object.fromEntries(keys.map((k) => [k, before[k]])),
      after: Object.fromEntries(keys.map((k) => [k, after[k]])),
    });
  });
  return getSchoolSettings(ctx);
}
