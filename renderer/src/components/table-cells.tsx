/**
 * Cells of the app's summary tables (`summary-table`): the numeric header, the reference and current
 * headers with the role's dot, and the reference and current cells of a row; and the role's dot and name
 * they (and the verdict card) show. One place for the markup the Overview, Detail and Model quality tabs
 * write the same way.
 */
import type { ReactNode } from 'react';
import { ROLE_NAMES, type Role } from '../../../shared/report/roles';

const SHORT_NAMES: Record<Role, string> = { reference: 'Ref.', current: 'Cur.' };

/** The role's dot and name ("Reference", or "Ref." where `short`, for narrow tables). */
export function RoleName({ side, short = false }: { side: Role; short?: boolean }) {
  return (
    <>
      <span className={`role-dot role-dot-${side}`} aria-hidden="true" />{' '}
      {(short ? SHORT_NAMES : ROLE_NAMES)[side]}
    </>
  );
}

/** The header cell of a numeric column (right-aligned). */
export function NumHead({ children }: { children: ReactNode }) {
  return (
    <th scope="col" className="th-num">
      {children}
    </th>
  );
}

/** The header cells of the reference and current columns, in that order. */
export function RoleHeads({ short = false }: { short?: boolean }) {
  return (
    <>
      <NumHead>
        <RoleName side="reference" short={short} />
      </NumHead>
      <NumHead>
        <RoleName side="current" short={short} />
      </NumHead>
    </>
  );
}

/**
 * A row's reference and current cells (right-aligned), under RoleHeads. `testId` names them
 * `<testId>-reference` and `<testId>-current`; `titles` are their tooltips, reference first.
 */
export function RoleCells({
  reference,
  current,
  testId,
  titles,
}: {
  reference: ReactNode;
  current: ReactNode;
  testId?: string;
  titles?: readonly [string, string];
}) {
  return (
    <>
      <td className="td-num" data-testid={testId && `${testId}-reference`} title={titles?.[0]}>
        {reference}
      </td>
      <td className="td-num" data-testid={testId && `${testId}-current`} title={titles?.[1]}>
        {current}
      </td>
    </>
  );
}
