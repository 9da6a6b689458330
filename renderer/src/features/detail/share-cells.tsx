/** The share cells of the Detail tab's category and bin tables. */
import { RoleCells } from '../../components/table-cells';
import { formatInteger, formatPercent } from '../../lib/format';

/** A change in share with its sign ("+1.2%", "−0.4%"). */
function signedPercent(delta: number): string {
  const text = formatPercent(Math.abs(delta));
  return delta > 0 ? `+${text}` : delta < 0 ? `−${text}` : text;
}

/**
 * A row's reference and current shares (each cell's tooltip its row count), then the change in share,
 * signed and coloured up or down.
 */
export function ShareCells({
  shares,
  counts,
  delta,
  deltaTestId,
}: {
  /** Reference, then current. */
  shares: readonly [number, number];
  counts: readonly [number, number];
  delta: number;
  deltaTestId?: string;
}) {
  return (
    <>
      <RoleCells
        reference={formatPercent(shares[0])}
        current={formatPercent(shares[1])}
        titles={[`${formatInteger(counts[0])} rows`, `${formatInteger(counts[1])} rows`]}
      />
      <td
        className={`td-num ${delta > 0 ? 'delta-up' : delta < 0 ? 'delta-down' : ''}`}
        data-testid={deltaTestId}
      >
        {signedPercent(delta)}
      </td>
    </>
  );
}
