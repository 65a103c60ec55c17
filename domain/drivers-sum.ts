import type { DriverGroup, DriverLine, InputDriver, RatioDrivers } from './drivers.ts';
import type { RatioId } from './ratio-definitions.ts';

/**
 * A sum of ratios (cash conversion cycle = DSO + DIO − DPO) changes by the signed sum of its
 * parts' changes, so its effects and every line's contribution are the signed sums of the
 * parts' own; an input read by two parts (COGS in DIO and DPO) is merged into one, so the
 * lines still add up to the change.
 */
export function combineDrivers(
  id: RatioId, from: string, to: string,
  parts: readonly { sign: 1 | -1; d: RatioDrivers }[],
  top: (inputs: InputDriver[]) => DriverLine[],
): RatioDrivers {
  const total = (f: (d: RatioDrivers) => number) => parts.reduce((s, p) => s + p.sign * f(p.d), 0) + 0;
  const merged = new Map<string, InputDriver>();
  for (const p of parts) {
    for (const input of p.d.inputs) {
      const signed = scaleInput(input, p.sign);
      const key = `${input.side}:${input.input}`;
      const prev = merged.get(key);
      merged.set(key, prev ? { ...prev, contribution: prev.contribution + signed.contribution, groups: mergeGroups(prev.groups, signed.groups) } : signed);
    }
  }
  const inputs = [...merged.values()];
  const fromValue = total((d) => d.fromValue);
  const toValue = total((d) => d.toValue);
  return {
    id, from, to, fromValue, toValue,
    change: toValue - fromValue + 0,
    numeratorEffect: total((d) => d.numeratorEffect),
    denominatorEffect: total((d) => d.denominatorEffect),
    inputs,
    top: top(inputs),
  };
}

function scaleInput(i: InputDriver, k: number): InputDriver {
  const line = <T extends { contribution: number }>(l: T): T => ({ ...l, contribution: l.contribution * k + 0 });
  return { ...line(i), groups: i.groups.map((g) => ({ ...line(g), accounts: g.accounts.map(line) })) };
}

/** Two splits of the same input: the same keys and amounts, contributions added. */
function mergeGroups(a: DriverGroup[], b: DriverGroup[]): DriverGroup[] {
  const out = a.map((g) => ({ ...g, accounts: g.accounts.map((x) => ({ ...x })) }));
  for (const g of b) {
    const same = out.find((x) => x.key === g.key);
    if (!same) {
      out.push(g);
      continue;
    }
    same.contribution += g.contribution;
    for (const acc of g.accounts) {
      const s = same.accounts.find((x) => x.key === acc.key);
      if (s) s.contribution += acc.contribution;
      else same.accounts.push(acc);
    }
  }
  return out.sort((x, y) => Math.abs(y.contribution) - Math.abs(x.contribution) || String(x.key).localeCompare(String(y.key)));
}
