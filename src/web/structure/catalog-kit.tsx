import { type FormEvent, type ReactNode, useState } from 'react';
import { type Problems, requireFilled } from '../app/validate.ts';
import { FormAlert, Notice } from '../components/form-alert.tsx';
import { useFormErrors } from '../components/use-form-errors.ts';
import { useT } from '../i18n/use-t.ts';
import { useStructureWrite } from './structure-api.ts';

type Row = { id: number; archived: boolean };

/** A catalogue section's state: the row being edited, the last «saved» notice, and archiving. */
export function useCatalog<R extends Row>() {
  const t = useT();
  const [editing, setEditing] = useState<R | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const archive = useStructureWrite(() => setSaved(t('structure.archivedDone')));
  return {
    editing,
    saved,
    archive,
    edit(row: R) {
      setSaved(null);
      setEditing(row);
    },
    archiveAt(path: string) {
      setSaved(null);
      if (window.confirm(t('structure.archiveConfirm'))) archive.mutate({ path });
    },
    /** The form's key: a fresh form per edited row. */
    formKey: editing?.id ?? 'new',
    /** Props of the section's form: the edited row, and what happens after it. */
    formProps: {
      editing,
      onDone: () => {
        setEditing(null);
        setSaved(t('structure.saved'));
      },
      onCancel: () => setEditing(null),
    },
  };
}

/** What `useCatalog` gives. */
export type Catalog<R extends Row> = ReturnType<typeof useCatalog<R>>;

/** A titled section with a table of rows (archived ones marked), their edit/archive buttons, and a form below. */
export function CatalogSection<R extends Row>(props: {
  id: string;
  title: string;
  catalog: Catalog<R>;
  manage: boolean;
  rows: readonly R[];
  empty: string;
  columns: readonly string[];
  rowHeader: (row: R) => ReactNode;
  cells: (row: R) => ReactNode;
  /** The row's name in its buttons' labels. */
  nameOf: (row: R) => string;
  archivePath: (row: R) => string;
  extraActions?: (row: R) => ReactNode;
  /** Shown between the title and the table (a filter). */
  before?: ReactNode;
  children?: ReactNode;
}) {
  const t = useT();
  const { catalog, manage } = props;
  return (
    <section className="structure-section" aria-labelledby={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      {props.before}
      {catalog.saved && <Notice message={catalog.saved} />}
      <FormAlert
        message={catalog.archive.error instanceof Error ? catalog.archive.error.message : undefined}
      />
      {props.rows.length === 0 ? (
        <p>{props.empty}</p>
      ) : (
        <div className="table-scroll structure-table-wrap">
          <table className="data-table structure-table">
            <thead>
              <tr>
                {props.columns.map((c) => (
                  <th scope="col" key={c}>
                    {c}
                  </th>
                ))}
                {manage && <th scope="col">{t('structure.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {props.rows.map((row) => (
                <tr key={row.id} className={row.archived ? 'archived' : undefined}>
                  <th scope="row">
                    {props.rowHeader(row)}
                    {row.archived && ` (${t('structure.archived')})`}
                  </th>
                  {props.cells(row)}
                  {manage && (
                    <td>
                      {!row.archived && (
                        <span className="structure-row-actions">
                          {props.extraActions?.(row)}
                          <button
                            type="button"
                            className="button button-quiet"
                            onClick={() => catalog.edit(row)}
                          >
                            {t('structure.edit', { name: props.nameOf(row) })}
                          </button>
                          <button
                            type="button"
                            className="button button-quiet"
                            disabled={catalog.archive.isPending}
                            onClick={() => catalog.archiveAt(props.archivePath(row))}
                          >
                            {t('structure.archive', { name: props.nameOf(row) })}
                          </button>
                        </span>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {props.children}
    </section>
  );
}

/** A structure form's values, checks and sending: blank required fields stop it before the server. */
export function useCatalogForm<V extends Record<string, string>>(options: {
  initial: V;
  empty: V;
  required: readonly (keyof V & string)[];
  request: (values: V) => { path: string; body: unknown };
  onDone: () => void;
}) {
  const [values, setValues] = useState(options.initial);
  const [problems, setProblems] = useState<Problems>({});
  const save = useStructureWrite(() => {
    setValues(options.empty);
    options.onDone();
  });
  const errors = useFormErrors(problems, save.error);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = requireFilled(values, options.required);
    setProblems(found);
    save.reset();
    if (Object.keys(found).length > 0) return;
    save.mutate(options.request(values));
  };
  const set = (name: keyof V) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [name]: e.target.value }));
  /** A field's value, error and change handler, to spread on it. */
  const bind = (name: keyof V & string) => ({
    value: values[name],
    error: errors.field(name),
    onChange: set(name),
  });
  return { values, set, bind, save, errors, onSubmit };
}

/** «Добавить» or «Сохранить», and «Отмена» while editing. */
export function FormButtons({
  editing,
  pending,
  onCancel,
}: {
  editing: boolean;
  pending: boolean;
  onCancel: () => void;
}) {
  const t = useT();
  return (
    <span className="structure-row-actions">
      <button type="submit" className="button button-primary" disabled={pending}>
        {editing ? t('structure.save') : t('structure.add')}
      </button>
      {editing && (
        <button type="button" className="button button-quiet" onClick={onCancel}>
          {t('structure.cancel')}
        </button>
      )}
    </span>
  );
}
