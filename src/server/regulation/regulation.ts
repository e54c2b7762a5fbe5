import type { RegulationDraftBody, RegulationView } from '../../contract/regulation.ts';
import type { Ctx } from '../access/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { BackupConfig } from '../config.ts';
import { notFound } from '../http/app-error.ts';
import type { Lang } from '../http/messages.ts';
import { shortName } from '../timetable/timetable.queries.ts';
import { mayEditRegulation, requireRegulationEditor, requireRegulationReader } from './regulation.policy.ts';
import { approvedVersion, approvedVersions, draftOf } from './regulation.queries.ts';
import { type RegulationFacts, regulationFacts } from './regulation-facts.ts';
import { type RegulationHead, regulationDocx, regulationPdf } from './regulation-files.ts';
import { regulationSections, regulationTitle, type SectionKey } from './regulation-text.ts';

type Overrides = Partial<Record<SectionKey, string>>;

const parse = (text: string | null | undefined): Overrides => (text ? JSON.parse(text) : {});

/** «29.11.2026» of an ISO timestamp. */
const day = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

/** The regulation page: the draft's sections over the school's current settings, and the approved versions. */
export async function getRegulation(ctx: Ctx, backup: BackupConfig): Promise<RegulationView> {
  const schoolId = requireRegulationReader(ctx);
  const lang = ctx.request.lang;
  const [facts, draft, versions] = await Promise.all([
    regulationFacts(ctx, schoolId, backup),
    draftOf(ctx.db, schoolId),
    approvedVersions(ctx.db, schoolId),
  ]);
  const overrides = parse(draft?.overrides);
  const generated = regulationSections(facts, lang);
  return {
    title: regulationTitle(lang),
    sections: regulationSections(facts, lang, overrides).map((s, i) => ({
      ...s,
      generated: generated[i]?.text ?? '',
      edited: overrides[s.key] !== undefined,
    })),
    draftEditedAt: draft?.editedAt ?? null,
    versions: versions.map((v) => ({ id: v.id, approvedAt: v.approvedAt ?? '', approvedBy: shortName(v) })),
    abilities: { edit: mayEditRegulation(ctx, schoolId) },
  };
}

/**
 * The director saves the wording of sections; a text equal to the generated one drops the change,
 * so that section follows the settings again. Audited with the sections changed.
 */
export async function saveRegulationDraft(ctx: Ctx, backup: BackupConfig, body: RegulationDraftBody) {
  const { schoolId, personId } = requireRegulationEditor(ctx);
  const facts = await regulationFacts(ctx, schoolId, backup);
  // The page shows the generated text in the reader's language: sent back unchanged, it is no change.
  const generated = (['ru', ctx.request.lang] as const).map(
    (lang) => new Map(regulationSections(facts, lang).map((s) => [s.key, s.text.trim()])),
  );
  await ctx.db.transaction().execute(async (trx) => {
    const draft = await draftOf(trx, schoolId);
    const before = parse(draft?.overrides);
    const after: Overrides = { ...before };
    for (const s of body.sections) {
      if (generated.some((texts) => texts.get(s.key) === s.text)) delete after[s.key];
      else after[s.key] = s.text;
    }
    const changed = (Object.keys({ ...before, ...after }) as SectionKey[]).filter(
      (k) => before[k] !== after[k],
    );
    if (changed.length === 0) return;
    const now = new Date().toISOString();
    const values = { overrides: JSON.stringify(after), editedBy: personId, editedAt: now };
    let id = draft?.id;
    if (id === undefined)
      id = (
        await trx
          .insertInto('regulationVersions')
          .values({ schoolId, ...values })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    else await trx.updateTable('regulationVersions').set(values).where('id', '=', id).execute();
    await recordAudit(trx, ctx, {
      schoolId,
      action: 'regulation.draft_saved',
      entity: 'regulation',
      entityId: id,
      before: Object.fromEntries(changed.map((k) => [k, before[k] ?? null])),
      after: Object.fromEntries(changed.map((k) => [k, after[k] ?? null])),
    });
  });
}

/** The director approves the draft as it reads now: its text and the settings it came from are kept. */
export async function approveRegulation(ctx: Ctx, backup: BackupConfig): Promise<number> {
  const { schoolId, personId } = requireRegulationEditor(ctx);
  const facts = await regulationFacts(ctx, schoolId, backup);
  return ctx.db.transaction().execute(async (trx) => {
    const draft = await draftOf(trx, schoolId);
    const overrides = parse(draft?.overrides);
    const now = new Date().toISOString();
    const values = {
      overrides: JSON.stringify(overrides),
      sections: JSON.stringify(regulationSections(facts, 'ru', overrides)),
      settings: JSON.stringify(facts),
      approvedBy: personId,
      approvedAt: now,
    };
    let id = draft?.id;
    if (id === undefined)
      id = (
        await trx
          .insertInto('regulationVersions')
          .values({ schoolId, editedBy: personId, editedAt: now, ...values })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    else await trx.updateTable('regulationVersions').set(values).where('id', '=', id).execute();
    await recordAudit(trx, ctx, {
      schoolId,
      action: 'regulation.approved',
      entity: 'regulation',
      entityId: id,
      after: { approvedAt: now, editedSections: Object.keys(overrides) },
    });
    return id;
  });
}

/** A file of the regulation. */
export interface RegulationFile {
  name: string;
  type: string;
  body: Buffer;
}

const types = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

async function render(
  facts: RegulationFacts,
  overrides: Overrides,
  head: RegulationHead,
  lang: Lang,
  format: 'pdf' | 'docx',
  stamp: string,
): Promise<RegulationFile> {
  const sections = regulationSections(facts, lang, overrides);
  const body =
    format === 'pdf' ? await regulationPdf(head, sections, lang, stamp) : regulationDocx(head, sections);
  return { name: `${head.title}.${format}`, type: types[format], body };
}

/** The draft as a document (PDF or DOCX), over the school's current settings. */
export async function draftFile(ctx: Ctx, backup: BackupConfig, format: 'pdf' | 'docx') {
  const schoolId = requireRegulationReader(ctx);
  const lang = ctx.request.lang;
  const [facts, draft] = await Promise.all([
    regulationFacts(ctx, schoolId, backup),
    draftOf(ctx.db, schoolId),
  ]);
  const head = { title: regulationTitle(lang), approval: lang === 'ru' ? 'ПРОЕКТ' : 'DRAFT' };
  return render(facts, parse(draft?.overrides), head, lang, format, new Date().toISOString().slice(0, 10));
}

/** An approved version as a document, as it was approved (404 for another school's). */
export async function versionFile(ctx: Ctx, versionId: number, format: 'pdf' | 'docx') {
  const schoolId = requireRegulationReader(ctx);
  const lang = ctx.request.lang;
  const v = await approvedVersion(ctx.db, schoolId, versionId);
  if (!v?.approvedAt || !v.settings) throw notFound();
  const who = shortName(v);
  const on = day(v.approvedAt);
  const approval =
    lang === 'ru' ? `УТВЕРЖДЕНО ${on}, директор ${who}` : `Approved on ${on} by the director ${who}`;
  const head = { title: regulationTitle(lang), approval };
  return render(JSON.parse(v.settings), parse(v.overrides), head, lang, format, v.approvedAt.slice(0, 10));
}
