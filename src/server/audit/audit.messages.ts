import { defineFields, defineMessages } from '../http/define-messages.ts';

/** Messages of the audit check (`otmetka audit verify`, the director's page). */
export const messages = defineMessages(
  {
    auditSystemActor: 'система',
    auditKind_edited: 'событие изменено после записи',
    auditKind_deleted: 'события удалены',
    auditKind_inserted: 'событие вставлено',
    auditKind_headMismatch: 'конец цепочки не совпадает с последним событием',
    auditKind_valueMismatch: 'значение в журнале расходится с историей',
    auditChainSchool: 'Школа {id}',
    auditChainNone: 'События вне школ (район, установка)',
    auditIntact: '{chain}: цепочка не нарушена, событий {events}{last}.',
    auditIntactLast: ', последнее {at}',
    auditJournalIntact:
      '  Журнал сверен с историей: оценок, отметок посещаемости и итоговых оценок {rows}, расхождений нет.',
    auditBroken: '{chain}: найдено нарушений: {count} (событий {events}, записей журнала {rows}).',
    auditProblemEvent: '  — {kind}: событие № {seq} от {at}, {action}, {entity} {entityId}',
    auditProblemDeleted: '  — {kind}: нет событий № {from}–{to} (перед событием № {seq})',
    auditProblemHead: '  — {kind}: по концу цепочки последнее событие № {expected}, найдено № {found}',
    auditProblemValue:
      '  — {kind}: {entity} {entityId}, поле {field}: по истории «{expected}», в журнале «{found}»',
    auditMore: '  …и ещё {n}.',
    auditHead: '  Конец цепочки: событие № {seq}, хэш {hash}',
    auditSummaryIntact: 'История изменений не нарушена.',
    auditSummaryBroken: 'История изменений нарушена: проверьте перечисленное выше.',
  },
  {
    auditSystemActor: 'system',
    auditKind_edited: 'event changed after it was written',
    auditKind_deleted: 'events deleted',
    auditKind_inserted: 'event inserted',
    auditKind_headMismatch: 'the chain head does not match the last event',
    auditKind_valueMismatch: 'the value in the journal differs from its history',
    auditChainSchool: 'School {id}',
    auditChainNone: 'Events of no school (district, installation)',
    auditIntact: '{chain}: the chain is intact, {events} events{last}.',
    auditIntactLast: ', the last on {at}',
    auditJournalIntact:
      '  Journal compared with its history: {rows} marks, attendance entries and period marks, no differences.',
    auditBroken: '{chain}: {count} problems found ({events} events, {rows} journal rows).',
    auditProblemEvent: '  — {kind}: event no. {seq} of {at}, {action}, {entity} {entityId}',
    auditProblemDeleted: '  — {kind}: events no. {from}–{to} are missing (before event no. {seq})',
    auditProblemHead: '  — {kind}: the chain head names event no. {expected} as the last, found no. {found}',
    auditProblemValue:
      '  — {kind}: {entity} {entityId}, field {field}: «{expected}» by the history, «{found}» in the journal',
    auditMore: '  …and {n} more.',
    auditHead: '  Chain head: event no. {seq}, hash {hash}',
    auditSummaryIntact: 'The history of changes is intact.',
    auditSummaryBroken: 'The history of changes is broken: check what is listed above.',
  },
);

/** Field labels of the audit check: none of its own (`schoolId` is labelled by structure). */
export const fields = defineFields({}, {});
