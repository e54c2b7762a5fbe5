import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { CouncilDecisionBody, CouncilList } from '../../contract/council.ts';
import { apiGet, apiPut } from '../app/api.ts';
import type { PageProps } from '../app/page-route.ts';
import { useDocumentTitle } from '../components/use-document-title.ts';
import { formatDate } from '../i18n/format-date.ts';
import { type TFunction, useT } from '../i18n/use-t.ts';

/** The decisions the select offers for a class of a grade, in the interface language. */
function choices(t: TFunction, grade: number): string[] {
  return [
    t('council.choice.promoted', { grade: grade + 1 }),
    t('council.choice.conditional'),
    t('council.choice.repeat'),
    t('council.choice.graduated'),
  ];
}

/** One student's row: the decision (a common one or free text), saved on its own. */
function Row(props: {
  row: CouncilList['students'][number];
  grade: number;
  canRecord: boolean;
  common: { decidedOn: string; protocol: string };
  save: (studentId: number, body: CouncilDecisionBody) => void;
}) {
  const t = useT();
  const [text, setText] = useState(props.row.decision?.decision ?? '');
  return (
    <tr>
      <th scope="row">{props.row.name}</th>
      <td>
        <input
          list="council-choices"
          value={text}
          disabled={!props.canRecord}
          aria-label={t('council.decisionOf', { name: props.row.name })}
          onChange={(e) => setText(e.target.value)}
        />
      </td>
      <td>{props.row.decision?.decidedOn ? formatDate(props.row.decision.decidedOn) : ''}</td>
      <td>{props.row.decision?.protocol ?? ''}</td>
      <td>
        {props.canRecord && (
          <button
            type="button"
            className="button"
            aria-label={t('council.saveOf', { name: props.row.name })}
            disabled={text.trim().length < 2}
            onClick={() =>
              props.save(props.row.studentId, {
                decision: text.trim(),
                decidedOn: props.common.decidedOn || null,
                protocol: props.common.protocol || null,
              })
            }
          >
            {t('council.save')}
          </button>
        )}
      </td>
    </tr>
  );
}

/** The class teacher records the teachers' council decision for each student of the class. */
export default function CouncilPage(props: PageProps) {
  const t = useT();
  useDocumentTitle(t('council.title'));
  const classId = props.params.classId ?? '';
  const key = ['council', classId];
  const client = useQueryClient();
  const list = useQuery({
    queryKey: key,
    queryFn: () => apiGet<CouncilList>(`/api/classes/${classId}/council-decisions`),
  });
  const [common, setCommon] = useState({ decidedOn: '', protocol: '' });
  const save = useMutation({
    mutationFn: (v: { studentId: number; body: CouncilDecisionBody }) =>
      apiPut<CouncilList>(`/api/classes/${classId}/council-decisions/${v.studentId}`, v.body),
    onSuccess: (data) => client.setQueryData(key, data),
  });
  const data = list.data;
  return (
    <>
      <h1>
        {t('council.title')}
        {data ? ` — ${data.className}, ${data.yearName}` : ''}
      </h1>
      {list.isError && <p role="alert">{t('council.loadFailed')}</p>}
      {save.isError && <p role="alert">{(save.error as Error).message}</p>}
      {data?.canRecord && (
        <fieldset>
          <legend>{t('council.forAll')}</legend>
          <label>
            {t('council.date')}{' '}
            <input
              type="date"
              value={common.decidedOn}
              onChange={(e) => setCommon({ ...common, decidedOn: e.target.value })}
            />
          </label>{' '}
          <label>
            {t('council.protocol')}{' '}
            <input
              value={common.protocol}
              maxLength={30}
              onChange={(e) => setCommon({ ...common, protocol: e.target.value })}
            />
          </label>
        </fieldset>
      )}
      {data && (
        <>
          <datalist id="council-choices">
            {choices(t, data.grade).map((c) => (
              <option key={c} value={c} />
            ))}
          </datalist>
          <div className="table-box">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t('council.student')}</th>
                  <th scope="col">{t('council.decision')}</th>
                  <th scope="col">{t('council.date')}</th>
                  <th scope="col">{t('council.protocol')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('council.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.students.map((row) => (
                  <Row
                    key={row.studentId}
                    row={row}
                    grade={data.grade}
                    canRecord={data.canRecord}
                    common={common}
                    save={(studentId, body) => save.mutate({ studentId, body })}
                  />
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}
